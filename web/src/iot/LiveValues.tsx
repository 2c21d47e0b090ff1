import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../lib/format.js';
import { useLang } from '../lib/i18n.js';
import { useApi } from '../lib/use-api.js';
import { ProblemBox } from '../ui/Problem.js';
import { paths, type LatestResponse, type LatestValues, type MetricDefinition } from './api.js';
import { useIotT } from './i18n/index.js';
import { formatValue, metricName } from './labels.js';
import { useEventStream } from './live.js';

interface StreamReading {
  metric: string;
  ts: string;
  value: number;
  outOfRange?: boolean;
}

/** The stream sends a batch of readings; older ones (late or out of order) never replace newer. */
function merge(values: LatestValues, readings: StreamReading[]): LatestValues {
  const next = { ...values };
  for (const r of readings) {
    if (r.outOfRange) continue;
    const current = next[r.metric];
    if (!current || Date.parse(current.ts) <= Date.parse(r.ts)) next[r.metric] = { value: r.value, ts: r.ts };
  }
  return next;
}

/** Latest values of a device: fetched once, then kept current by the server-sent stream. */
export function LiveValues({ code, metrics }: { code: string; metrics: MetricDefinition[] }) {
  const t = useIotT();
  const { lang } = useLang();
  // The stream starts with a `latest` snapshot; the plain GET shows values at once and covers a
  // browser or proxy where the stream does not get through.
  const latest = useApi<LatestResponse>(paths.latest(code));
  const [values, setValues] = useState<LatestValues>({});
  const snapshot = (data: LatestResponse) => setValues((v) => merge(v, Object.entries(data.values).map(([metric, x]) => ({ metric, ...x }))));
  useEffect(() => {
    if (latest.data) snapshot(latest.data);
  }, [latest.data]);
  const { connected } = useEventStream(paths.deviceStream(code), {
    latest: snapshot,
    readings: (data: { readings: StreamReading[] }) => setValues((v) => merge(v, data.readings)),
  });

  return (
    <section class="card stack" aria-labelledby="iot-live-title">
      <div class="row">
        <h2 id="iot-live-title">{t('device.live')}</h2>
        <span class={`badge ${connected ? 'badge--ok' : 'badge--muted'}`}>{connected ? t('live.on') : t('live.off')}</span>
      </div>
      <ProblemBox error={latest.error} onRetry={latest.reload} />
      <ul class="grid plain-list" aria-live="polite">
        {metrics.map((m) => {
          const v = values[m.key];
          return (
            <li key={m.key} class="stat iot-live" data-metric={m.key}>
              <span class="stat__value">{formatValue(v?.value, m)}</span>
              <span class="stat__label">{metricName(m, m.key, lang)}</span>
              <span class="small muted">{v ? formatDateTime(v.ts) : t('live.noData')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
