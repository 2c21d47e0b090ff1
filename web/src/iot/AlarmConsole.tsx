import { useCallback, useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { useBilingual } from '../lib/i18n.js';
import { Link, useTitle } from '../lib/router.js';
import type { User } from '../lib/session.js';
import { usePaged } from '../lib/use-api.js';
import { PageHead, SelectField } from '../ui/Field.js';
import { Loading, ProblemBox } from '../ui/Problem.js';
import { ALARM_STATES, canAcknowledge, PAGE, paths, type Alarm } from './api.js';
import { AlarmHistory } from './AlarmHistory.js';
import { useIotT } from './i18n/index.js';
import { formatValue, LEVELS, ROMAN } from './labels.js';
import { useEventStream } from './live.js';
import { LevelBadge, StateBadge } from './StatusBadge.js';

/** What an alarm is about, in the reader's language. */
export function useAlarmText(): (a: Alarm) => string {
  const pick = useBilingual();
  return useCallback((a: Alarm) => [pick(a.ruleName), pick(a.message) || (a.value !== null ? `${a.metric ?? ''} = ${formatValue(a.value)}` : '')].filter(Boolean).join(' — '), [pick]);
}

/** `/can-bo/canh-bao`: the alarm console, live; acknowledge with a note; history of cleared alarms. */
export function AlarmConsole({ user }: { user: User }) {
  const t = useIotT();
  useTitle(t('alarms.title'));
  const [state, setState] = useState('open');
  const [level, setLevel] = useState('');
  const query = { state: state || undefined, level: level || undefined, limit: 50 };
  const list = usePaged<Alarm>(paths.alarms, query);
  const [lastEvent, setLastEvent] = useState<string | null>(null);
  const { connected } = useEventStream(paths.alarmStream, {
    alarm: (e: { deviceCode: string; level: number; kind: string }) => {
      setLastEvent(t(`event.${e.kind}` as 'event.raised', { code: e.deviceCode, level: ROMAN[e.level] ?? String(e.level) }));
      list.reload();
    },
  });

  return (
    <div class="stack iot">
      <PageHead
        title={t('alarms.title')}
        lead={t('alarms.lead')}
        actions={
          <>
            <span class={`badge ${connected ? 'badge--ok' : 'badge--muted'}`}>{connected ? t('live.on') : t('live.off')}</span>
            <Link class="btn btn--secondary" href={PAGE.rules}>
              {t('nav.rules')}
            </Link>
          </>
        }
      />
      <p class="visually-hidden" role="status" aria-live="polite">
        {lastEvent ?? ''}
      </p>
      <form class="form--inline" aria-label={t('alarms.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="iot-alarm-state"
          label={t('alarms.state')}
          value={state}
          onValue={setState}
          options={[{ value: 'open', label: t('alarms.open') }, ...ALARM_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })), { value: '', label: t('filter.all') }]}
        />
        <SelectField id="iot-alarm-level" label={t('alarms.level')} value={level} onValue={setLevel} options={[{ value: '', label: t('filter.all') }, ...LEVELS.map((l) => ({ value: String(l), label: t('alarm.levelN', { level: ROMAN[l]! }) }))]} />
      </form>
      <ProblemBox error={list.error} onRetry={list.reload} />
      {list.items.length === 0 && !list.loading && !list.error && <p class="muted">{t('alarms.none')}</p>}
      <ul class="plain-list stack iot-alarms" aria-label={t('alarms.listLabel')}>
        {list.items.map((a) => (
          <AlarmCard key={a.id} alarm={a} user={user} onChanged={list.reload} />
        ))}
      </ul>
      {list.loading && <Loading />}
      {list.hasMore && !list.loading && (
        <button type="button" class="btn btn--secondary btn--small" onClick={list.loadMore}>
          {t('alarms.more')}
        </button>
      )}
    </div>
  );
}

function AlarmCard({ alarm: a, user, onChanged }: { alarm: Alarm; user: User; onChanged(): void }) {
  const t = useIotT();
  const text = useAlarmText();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = `iot-ack-${a.id}`;

  async function acknowledge(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await api(paths.acknowledge(a.id), { method: 'POST', body: { note } });
      setOpen(false);
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class={`card iot-alarm iot-alarm--${a.level} iot-alarm--${a.state}`} data-alarm={a.id}>
      <div class="row">
        <LevelBadge level={a.level} />
        <StateBadge state={a.state} />
        <Link href={PAGE.device(a.deviceCode)}>
          <strong>{a.deviceCode}</strong>
          {a.deviceName ? ` — ${a.deviceName}` : ''}
        </Link>
      </div>
      <p>{text(a)}</p>
      <p class="small muted">
        {t('alarms.raisedAt')}: {formatDateTime(a.raisedAt)}
        {a.acknowledgedAt && ` · ${t('alarms.ackAt')}: ${formatDateTime(a.acknowledgedAt)}`}
        {a.clearedAt && ` · ${t('alarms.clearedAt')}: ${formatDateTime(a.clearedAt)}`}
      </p>
      {a.ackNote && (
        <p class="small">
          {t('alarms.note')}: {a.ackNote}
        </p>
      )}
      <AlarmHistory id={a.id} />
      <ProblemBox error={error} />
      {a.state === 'active' && canAcknowledge(user) && !open && (
        <button type="button" class="btn btn--small" onClick={() => setOpen(true)}>
          {t('alarms.acknowledge')}
        </button>
      )}
      {open && (
        <form class="form" onSubmit={acknowledge}>
          <div class="field">
            <label for={noteId}>{t('alarms.note')}</label>
            <textarea id={noteId} rows={2} maxLength={1000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          <div class="row">
            <button type="submit" class="btn btn--small" disabled={busy}>
              {t('alarms.confirmAck')}
            </button>
            <button type="button" class="btn btn--secondary btn--small" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
