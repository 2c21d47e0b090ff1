import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatDateTime } from '../../lib/format.js';
import type { HistoryPoint, MetricDefinition } from '../api.js';
import { useIotT } from '../i18n/index.js';
import { formatValue } from '../labels.js';
import type { HistoryChartHandle } from './echarts-history.js';

interface Props {
  points: HistoryPoint[];
  metric: MetricDefinition | undefined;
  label: string;
  /** Long ranges label the axis by day. */
  daily: boolean;
}

/** The ECharts line (average) with a min–max band; ECharts loads with the first chart. */
export function HistoryChart({ points, metric, label, daily }: Props) {
  const t = useIotT();
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<HistoryChartHandle | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void import('./echarts-history.js').then(({ createHistoryChart }) => {
      if (cancelled || !element.current) return;
      handle.current = createHistoryChart(element.current);
      setReady(true);
    });
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    handle.current?.setData(points, {
      avg: t('chart.avg'),
      band: t('chart.band'),
      format: (v) => formatValue(v, metric ? { precision: metric.precision, unit: '' } : undefined),
      formatTime: (ts) => (daily ? formatDate(ts) : formatDateTime(ts)),
    });
  }, [ready, points, metric, daily, t]);

  return (
    <figure class="iot-chart-frame">
      <div ref={element} class="iot-chart" role="img" aria-label={label} data-ready={ready ? 'true' : 'false'} data-points={points.length} />
      <figcaption class="visually-hidden">{label}</figcaption>
    </figure>
  );
}
