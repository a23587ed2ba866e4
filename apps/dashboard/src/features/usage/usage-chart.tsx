import { type UsageBucket } from '@gatehouse/contracts';
import { useId, useRef } from 'react';
import { formatCompactCount } from '../../format/format-compact-count';
import { formatCount } from '../../format/format-count';
import { useElementWidth } from '../../hooks/use-element-width';
import { bucketLabel } from './bucket-label';
import { niceAxisTicks } from './nice-axis-ticks';
import { seriesColor } from './series-color';
import { type UsageChartData, type UsageMetric } from './usage-chart-data';

interface UsageChartProps {
  data: UsageChartData;
  metric: UsageMetric;
  bucket: UsageBucket;
  spanMs: number;
  /** "model", "key"…, for the chart's description. */
  groupByLabel: string;
}

const height = 260;
const margin = { top: 12, right: 16, bottom: 30, left: 52 };
// Room for one bucket label ("Tue 14:00") without crowding its neighbours.
const pixelsPerXLabel = 96;

/**
 * A line per group over the buckets, drawn in plain SVG at the container's width. Each bucket has a hover area whose
 * tooltip lists every group's value; the totals table beside it carries the same numbers for screen readers.
 */
export function UsageChart({ data, metric, bucket, spanMs, groupByLabel }: UsageChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container) || 640;
  const titleId = useId();
  const descriptionId = useId();

  const plotWidth = Math.max(width - margin.left - margin.right, 10);
  const plotHeight = height - margin.top - margin.bottom;
  const ticks = niceAxisTicks(data.max);
  const top = ticks[ticks.length - 1]!;
  const count = data.bucketStarts.length;
  const slot = plotWidth / Math.max(count, 1);
  const xOf = (index: number) => margin.left + slot * (index + 0.5);
  const yOf = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(count / Math.max(2, Math.floor(plotWidth / pixelsPerXLabel))));
  const unit = metric === 'tokens' ? 'tokens' : 'requests';
  const perBucket = { '1m': 'minute', '1h': 'hour', '1d': 'day' }[bucket];

  return (
    <div className="usage-chart" ref={container}>
      <svg
        className="usage-chart__svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
      >
        <title id={titleId}>{`${metric === 'tokens' ? 'Tokens' : 'Requests'} per ${perBucket} by ${groupByLabel}`}</title>
        <desc id={descriptionId}>
          {data.series.map((series) => `${series.label}: ${formatCount(series.total)} ${unit}`).join('; ') || 'No usage in this range'}
        </desc>

        <g className="usage-chart__grid" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={margin.left} x2={margin.left + plotWidth} y1={yOf(tick)} y2={yOf(tick)} />
              <text x={margin.left - 8} y={yOf(tick)} dy="0.32em" textAnchor="end">
                {formatCompactCount(tick)}
              </text>
            </g>
          ))}
          {data.bucketStarts.map((start, index) =>
            index % labelEvery === 0 ? (
              <text key={start} x={xOf(index)} y={height - 8} textAnchor="middle">
                {bucketLabel(start, bucket, spanMs)}
              </text>
            ) : null,
          )}
        </g>

        {data.series.map((series) => (
          <g key={series.key} className="usage-chart__series" data-series={series.label} style={seriesColor(series.colorIndex)}>
            <path
              className="usage-chart__line"
              d={series.values.map((value, index) => `${index === 0 ? 'M' : 'L'}${xOf(index).toFixed(1)},${yOf(value).toFixed(1)}`).join('')}
            />
            {series.values.map((value, index) =>
              value > 0 ? <circle key={index} className="usage-chart__point" cx={xOf(index)} cy={yOf(value)} r={3} /> : null,
            )}
          </g>
        ))}

        <g className="usage-chart__hover">
          {data.bucketStarts.map((start, index) => (
            <rect key={start} x={margin.left + slot * index} y={margin.top} width={slot} height={plotHeight}>
              <title>
                {`${new Date(start).toLocaleString()}\n${data.series.map((series) => `${series.label}: ${formatCount(series.values[index]!)}`).join('\n')}`}
              </title>
            </rect>
          ))}
        </g>
      </svg>
      <ul className="chart-legend" aria-label="Legend">
        {data.series.map((series) => (
          <li key={series.key} className="chart-legend__item" style={seriesColor(series.colorIndex)}>
            <span className="swatch" aria-hidden="true" />
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
