import { useState } from 'preact/hooks';
import { useBoundaries, useProvinceCode, type Commune } from '../feedback/province.js';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { useLang } from '../lib/i18n.js';
import { Link, useTitle } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { PageHead, SelectField, TextField } from '../ui/Field.js';
import { ProblemBox, fieldError } from '../ui/Problem.js';
import { PAGE, paths, SECTORS, type Device, type Sector } from './api.js';
import { useDeviceTypes } from './data.js';
import { useIotT } from './i18n/index.js';
import { DeviceMap, type LatLng } from './map/DeviceMap.js';
import { TokenReveal } from './TokenReveal.js';

const COORD = /^-?\d{1,3}(\.\d+)?$/;

/** `/can-bo/thiet-bi/moi`: register a device; its token is shown once. */
export function NewDevicePage() {
  const t = useIotT();
  const { lang } = useLang();
  useTitle(t('new.title'));
  const province = useProvinceCode();
  const boundaries = useBoundaries(province.code, true);
  const { types } = useDeviceTypes();
  const [typeCode, setTypeCode] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ device: Device; token: string } | null>(null);
  const point: LatLng | null = COORD.test(lat) && COORD.test(lng) ? { lat: Number(lat), lng: Number(lng) } : null;
  const commune = useApi<Commune>(point ? '/api/v1/admin-units/resolve' : null, point ? { lat: point.lat, lng: point.lng } : undefined);
  const type = types.find((ty) => ty.code === typeCode);

  function pickPoint(p: LatLng) {
    setLat(String(p.lat));
    setLng(String(p.lng));
  }

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { code: code.trim(), name: name.trim(), typeCode, ...(sector ? { sector } : {}), lat: Number(lat), lng: Number(lng) };
      const { token, ...device } = await api<Device & { token: string }>(paths.devices, { method: 'POST', body });
      setCreated({ device, token });
      setError(null);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <div class="stack iot">
        <PageHead title={t('new.created', { code: created.device.code })} />
        <TokenReveal code={created.device.code} token={created.token} />
        <p>
          <Link class="btn" href={PAGE.device(created.device.code)}>
            {t('new.open')}
          </Link>
        </p>
      </div>
    );

  const err = (field: string) => fieldError(error, field, lang);
  return (
    <div class="stack iot">
      <PageHead title={t('new.title')} lead={t('new.lead')} />
      <ProblemBox error={error} />
      <div class="iot-split">
        <form class="form iot-split__list" onSubmit={submit}>
          <SelectField id="iot-new-type" label={t('device.type')} value={typeCode} onValue={setTypeCode} required options={[{ value: '', label: t('new.pickType') }, ...types.map((ty) => ({ value: ty.code, label: lang === 'en' && ty.nameEn ? ty.nameEn : ty.name }))]} />
          <TextField id="iot-new-code" label={t('device.code')} hint={t('new.codeHint')} value={code} onValue={setCode} required pattern="[A-Za-z0-9_.\-]{2,64}" error={err('code')} />
          <TextField id="iot-new-name" label={t('device.name')} value={name} onValue={setName} required maxLength={200} error={err('name')} />
          <SelectField id="iot-new-sector" label={t('device.sector')} value={sector || type?.sector || ''} onValue={(v) => setSector(v as Sector)} options={[{ value: '', label: t('new.sectorOfType') }, ...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))]} />
          <div class="row">
            <TextField id="iot-new-lat" label={t('device.lat')} value={lat} onValue={setLat} inputMode="numeric" required error={err('lat')} />
            <TextField id="iot-new-lng" label={t('device.lng')} value={lng} onValue={setLng} inputMode="numeric" required error={err('lng')} />
          </div>
          <p class="small" aria-live="polite">
            {t('device.commune')}: <strong>{commune.data ? commune.data.name : point ? (commune.loading ? '…' : t('new.outside')) : t('new.pickPoint')}</strong>
          </p>
          <p>
            <button type="submit" class="btn" disabled={busy || !typeCode}>
              {t('new.submit')}
            </button>
          </p>
        </form>
        <section class="iot-split__map" aria-label={t('new.mapTitle')}>
          <p class="small muted">{t('new.mapHint')}</p>
          <DeviceMap boundaries={boundaries.data ?? null} label={t('new.mapLabel')} picked={point} onPick={pickPoint} />
        </section>
      </div>
    </div>
  );
}
