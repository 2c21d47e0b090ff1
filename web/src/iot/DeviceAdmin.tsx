import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { TextField, SelectField } from '../ui/Field.js';
import { ProblemBox } from '../ui/Problem.js';
import { DEVICE_STATUSES, paths, type Device, type DeviceStatus } from './api.js';
import { useIotT } from './i18n/index.js';
import { TokenReveal } from './TokenReveal.js';

/** For the device's administrators: edit name, status and place; rotate the token. */
export function DeviceAdmin({ device, onSaved }: { device: Device; onSaved(): void }) {
  const t = useIotT();
  const [name, setName] = useState(device.name);
  const [status, setStatus] = useState<DeviceStatus>(device.status);
  const [lat, setLat] = useState(String(device.lat));
  const [lng, setLng] = useState(String(device.lng));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await api(paths.device(device.code), { method: 'PATCH', body: { name, status, lat: Number(lat), lng: Number(lng) } });
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function rotate() {
    if (!window.confirm(t('token.confirmRotate'))) return;
    setBusy(true);
    try {
      const result = await api<{ token: string }>(paths.rotateToken(device.code), { method: 'POST', body: {} });
      setToken(result.token);
      setError(null);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="iot-admin-title">
      <h2 id="iot-admin-title">{t('admin.title')}</h2>
      <ProblemBox error={error} />
      {saved && (
        <p class="alert alert--success" role="status">
          {t('admin.saved')}
        </p>
      )}
      <form class="form" onSubmit={save}>
        <TextField id="iot-edit-name" label={t('device.name')} value={name} onValue={setName} required maxLength={200} />
        <SelectField id="iot-edit-status" label={t('device.status')} value={status} onValue={(v) => setStatus(v as DeviceStatus)} options={DEVICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <div class="row">
          <TextField id="iot-edit-lat" label={t('device.lat')} value={lat} onValue={setLat} inputMode="numeric" required />
          <TextField id="iot-edit-lng" label={t('device.lng')} value={lng} onValue={setLng} inputMode="numeric" required />
        </div>
        <p>
          <button type="submit" class="btn" disabled={busy}>
            {t('admin.save')}
          </button>
        </p>
      </form>
      <div class="stack">
        <h3>{t('token.title')}</h3>
        <p class="muted">{t('token.rotateLead')}</p>
        <p>
          <button type="button" class="btn btn--danger" disabled={busy} onClick={() => void rotate()}>
            {t('token.rotate')}
          </button>
        </p>
        {token && <TokenReveal code={device.code} token={token} />}
      </div>
    </section>
  );
}
