import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../lib/format.js';
import { useLang } from '../lib/i18n.js';
import { useApi } from '../lib/use-api.js';
import { SelectField } from '../ui/Field.js';
import { Loading, ProblemBox } from '../ui/Problem.js';
import { paths, type HistoryResponse, type MetricDefinition } from './api.js';
import { HistoryChart } from './chart/HistoryChart.js';
import { useIotT } from './i18n/index.js';
import { metricName } from './labels.js';
import { RangePicker, rangeWindow, type Range } from './RangePicker.js';

/** One point per couple of pixels is all a chart can show; the server keeps to this budget. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width / 50) * 50 || 300));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The device's history: a metric, a range, and the chart at the point budget of its width. */
export function DeviceHistory({ code, metrics }: { code: string; metrics: MetricDefinition[] }) {
  const t = useIotT();
  const { lang } = useLang();
  const [metricKey, setMetricKey] = useState(metrics[0]?.key ?? '');
  const [range, setRange] = useState<Range>({ preset: '24h' });
  const [frame, width] = useWidth();
  // The window is fixed when the range is chosen, so re-renders do not re-query a moving "now".
  const window = useMemo(() => rangeWindow(range), [range]);
  const metric = metrics.find((m) => m.key === metricKey);
  const history = useApi<HistoryResponse>(metricKey ? paths.history(code) : null, {
    metric: metricKey,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    points: Math.max(50, Math.min(2000, width)),
  });
  const daily = window.to.getTime() - window.from.getTime() > 3 * 86400_000;
  const label = t('chart.label', { metric: metricName(metric, metricKey, lang), unit: metric?.unit ?? '', from: formatDate(window.from), to: formatDate(window.to) });
  const points = history.data?.points ?? [];

  return (
    <section class="card stack" aria-labelledby="iot-history-title">
      <h2 id="iot-history-title">{t('device.history')}</h2>
      <div class="iot-history-controls">
        <SelectField id="iot-metric" label={t('chart.metric')} value={metricKey} onValue={setMetricKey} options={metrics.map((m) => ({ value: m.key, label: `${metricName(m, m.key, lang)} (${m.unit})` }))} />
        <RangePicker range={range} onRange={setRange} />
      </div>
      <ProblemBox error={history.error} onRetry={history.reload} />
      <div ref={frame} class="iot-chart-box">
        {history.loading && !history.data ? <Loading /> : <HistoryChart points={points} metric={metric} label={label} daily={daily} />}
      </div>
      {history.data && points.length === 0 && <p class="muted">{t('chart.empty')}</p>}
      {history.data && points.length > 0 && <p class="small muted">{t('chart.summary', { count: formatNumber(points.length), resolution: t(`resolution.${history.data.resolution}`) })}</p>}
    </section>
  );
}
