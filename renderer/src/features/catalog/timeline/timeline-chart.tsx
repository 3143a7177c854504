import { formatCount, plural } from '../../../lib/format';
import { describeTimeline, niceMax, segmentLabel, type TimelineBar } from './timeline-model';

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 8, bottom: 40, left: 48 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/**
 * The axis follows the months. When what is already deprecated dwarfs them (more than twice the
 * busiest month), its bar is clipped rather than squashing every month to a sliver.
 */
function axisMax(bars: readonly TimelineBar[]): number {
  const [past, ...months] = bars;
  const monthMax = Math.max(0, ...months.map((bar) => bar.total));
  const pastTotal = past?.total ?? 0;
  return niceMax(monthMax > 0 && pastTotal > monthMax * 2 ? monthMax : Math.max(monthMax, pastTotal));
}

/** Extra space after the "already deprecated" bar, in slots, to set it apart from the months. */
const GAP_SLOTS = 0.5;

interface TimelineChartProps {
  bars: readonly TimelineBar[];
  /** Pointer shortcut; the table below offers the same for keyboard and screen readers. */
  onPick: (bar: TimelineBar) => void;
}

/**
 * A stacked bar chart drawn as plain SVG (no chart library, nothing the CSP would refuse). It is
 * one image for assistive tech (role="img" with a summary); every number and action is also in
 * the table that follows it.
 */
export function TimelineChart({ bars, onPick }: TimelineChartProps) {
  const max = axisMax(bars);
  const slot = PLOT_W / (bars.length + GAP_SLOTS);
  const barWidth = Math.max(6, slot * 0.62);
  // Values above the axis (a tall "already deprecated" bar) are clipped and marked with a break.
  const y = (value: number) => MARGIN.top + PLOT_H - (Math.min(value, max) / max) * PLOT_H;
  const xOf = (index: number) =>
    MARGIN.left + (index + (index > 0 ? GAP_SLOTS : 0)) * slot + (slot - barWidth) / 2;
  const ticks = [0, max / 2, max];

  return (
    <svg
      className="timeline-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={describeTimeline(bars)}
      preserveAspectRatio="xMidYMid meet"
    >
      {ticks.map((tick) => (
        <g key={tick} className="timeline-tick">
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatCount(Math.round(tick))}
          </text>
        </g>
      ))}
      <line
        className="timeline-divider"
        x1={MARGIN.left + (1 + GAP_SLOTS / 2) * slot}
        x2={MARGIN.left + (1 + GAP_SLOTS / 2) * slot}
        y1={MARGIN.top}
        y2={MARGIN.top + PLOT_H}
      />
      {bars.map((bar, index) => {
        const x = xOf(index);
        const year = bar.id.slice(0, 4);
        const showYear = bar.id !== 'already' && (index === 1 || bar.id.endsWith('-01'));
        const tooltip = `${bar.label}: ${plural(bar.total, 'image')}${
          bar.segments.length > 1
            ? ` (${bar.segments.map((s) => `${segmentLabel(s.cloud)} ${formatCount(s.count)}`).join(', ')})`
            : ''
        }`;
        return (
          <g key={bar.id} className="timeline-bar" onClick={() => onPick(bar)}>
            <title>{tooltip}</title>
            <rect
              className="timeline-hit"
              x={x - (slot - barWidth) / 2}
              y={MARGIN.top}
              width={slot}
              height={PLOT_H}
            />
            {bar.segments.map((segment) => (
              <rect
                key={segment.cloud}
                className={`timeline-seg seg-${segment.cloud}`}
                x={x}
                y={y(segment.below + segment.count)}
                width={barWidth}
                height={Math.max(0, y(segment.below) - y(segment.below + segment.count))}
              />
            ))}
            {bar.total > max && (
              <path
                className="timeline-break"
                d={`M${x - 2} ${y(max) + 14} l${barWidth + 4} -6 M${x - 2} ${y(max) + 20} l${barWidth + 4} -6`}
              />
            )}
            {bar.total > 0 && (
              <text className="timeline-value" x={x + barWidth / 2} y={y(bar.total) - 4} textAnchor="middle">
                {formatCount(bar.total)}
              </text>
            )}
            <text
              className="timeline-label"
              x={x + barWidth / 2}
              y={MARGIN.top + PLOT_H + 16}
              textAnchor="middle"
            >
              {bar.shortLabel}
            </text>
            {showYear && (
              <text
                className="timeline-year"
                x={x + barWidth / 2}
                y={MARGIN.top + PLOT_H + 30}
                textAnchor="middle"
              >
                {year}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
