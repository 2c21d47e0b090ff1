// Loaded only on a device page (dynamic import): ECharts stays out of the officer entry.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { HistoryPoint } from '../api.js';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface ChartTexts {
  avg: string;
  band: string;
  format(value: number): string;
  formatTime(ts: number): string;
}

export interface HistoryChartHandle {
  setData(points: HistoryPoint[], texts: ChartTexts): void;
  destroy(): void;
}

/**
 * A line of averages over a shaded min–max band: the band is two stacked series (the minimum,
 * invisible, then max − min filled), the usual ECharts way to draw a range.
 */
export function createHistoryChart(element: HTMLElement): HistoryChartHandle {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(element);
  return {
    setData(points, texts) {
      const ts = points.map((p) => Date.parse(p.ts));
      chart.setOption(
        {
          animation: false,
          grid: { left: 56, right: 16, top: 32, bottom: 56 },
          legend: { data: [texts.avg, texts.band], top: 0 },
          tooltip: {
            trigger: 'axis',
            formatter: (params: unknown) => {
              const list = params as Array<{ dataIndex: number }>;
              const p = points[list[0]?.dataIndex ?? -1];
              if (!p) return '';
              return `${texts.formatTime(Date.parse(p.ts))}<br>${texts.avg}: ${texts.format(p.avg)}<br>${texts.band}: ${texts.format(p.min)} – ${texts.format(p.max)}`;
            },
          },
          xAxis: { type: 'time', axisLabel: { formatter: (v: number) => texts.formatTime(v), hideOverlap: true } },
          yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => texts.format(v) } },
          dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }],
          series: [
            { name: 'min', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, data: points.map((p, i) => [ts[i], p.min]), tooltip: { show: false } },
            {
              name: texts.band,
              type: 'line',
              stack: 'band',
              symbol: 'none',
              lineStyle: { opacity: 0 },
              areaStyle: { color: 'rgba(11, 79, 156, 0.18)' },
              itemStyle: { color: 'rgba(11, 79, 156, 0.35)' },
              data: points.map((p, i) => [ts[i], p.max - p.min]),
            },
            { name: texts.avg, type: 'line', symbol: 'none', sampling: 'lttb', lineStyle: { width: 2, color: '#0b4f9c' }, itemStyle: { color: '#0b4f9c' }, data: points.map((p, i) => [ts[i], p.avg]) },
          ],
        },
        { notMerge: true },
      );
    },
    destroy() {
      resize.disconnect();
      chart.dispose();
    },
  };
}
