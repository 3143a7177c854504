import { formatCount } from '../../../lib/format';
import { segmentLabel, type TimelineBar } from './timeline-model';

interface TimelineTableProps {
  bars: readonly TimelineBar[];
  clouds: readonly string[];
  onPick: (bar: TimelineBar) => void;
}

/** The chart's numbers as a table, with the action per month: the accessible way through. */
export function TimelineTable({ bars, clouds, onPick }: TimelineTableProps) {
  const countOf = (bar: TimelineBar, cloud: string) =>
    bar.segments.find((s) => s.cloud === cloud)?.count ?? 0;
  const hasOther = bars.some((bar) => bar.segments.some((s) => s.cloud === 'other'));
  const columns = hasOther ? [...clouds, 'other'] : clouds;
  return (
    <table className="timeline-table">
      <caption>Images reaching deprecation or end of life, by month</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {columns.map((cloud) => (
            <th key={cloud} scope="col" className="num">
              {segmentLabel(cloud)}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.id} className={bar.id === 'already' ? 'is-past' : undefined}>
            <th scope="row">{bar.label}</th>
            {columns.map((cloud) => (
              <td key={cloud} className="num">
                {bar.id === 'already' ? '' : formatCount(countOf(bar, cloud))}
              </td>
            ))}
            <td className="num">{formatCount(bar.total)}</td>
            <td>
              <button
                type="button"
                className="button-small"
                disabled={bar.total === 0}
                onClick={() => onPick(bar)}
                aria-label={`Show the ${formatCount(bar.total)} images ${
                  bar.id === 'already' ? 'already deprecated' : `deprecating in ${bar.label}`
                }`}
              >
                Show images
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
