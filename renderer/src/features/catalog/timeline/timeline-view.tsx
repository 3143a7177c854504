import { useMemo } from 'react';
import type { CatalogFilters } from '@contract/index';
import { useCatalogTimeline } from '../../../api/queries';
import { ErrorMessage } from '../../../components/error-message';
import { TimelineChart } from './timeline-chart';
import { segmentLabel, timelineBars, timelineClouds, type TimelineBar } from './timeline-model';
import { TimelineTable } from './timeline-table';

const MONTHS = 12;

interface TimelineViewProps {
  search: string;
  filters: CatalogFilters;
  /** A month was picked: filter the table to it and switch back. */
  onMonth: (month: string) => void;
  onAlreadyDeprecated: () => void;
}

/** When images in the current view reach deprecation or end of life, month by month. */
export function TimelineView({ search, filters, onMonth, onAlreadyDeprecated }: TimelineViewProps) {
  // The timeline itself spreads the months: a month picked earlier must not narrow it.
  const { deprecatesInMonth: _month, ...rest } = filters;
  const timeline = useCatalogTimeline({ search, filters: rest, months: MONTHS });
  const data = timeline.data;
  const clouds = useMemo(() => (data ? timelineClouds(data) : []), [data]);
  const bars = useMemo(() => (data ? timelineBars(data, clouds) : []), [data, clouds]);
  const pick = (bar: TimelineBar) => (bar.id === 'already' ? onAlreadyDeprecated() : onMonth(bar.id));

  return (
    <section className="timeline" role="region" aria-label="Deprecation timeline">
      <div className="timeline-head">
        <h2>Deprecation timeline</h2>
        <p className="muted">
          Images in the current view reaching deprecation or end of life in the next {MONTHS} months. Choose a
          month to list its images.
        </p>
      </div>
      {timeline.isPending && <p className="muted">Loading the timeline…</p>}
      {timeline.isError && (
        <ErrorMessage
          error={timeline.error}
          context="Could not build the timeline"
          hint="The table view and its Deprecation filter still work."
        />
      )}
      {data && (
        <>
          <ul className="timeline-legend" aria-label="Legend">
            <li>
              <span className="swatch seg-already" aria-hidden="true" /> {segmentLabel('already')}
            </li>
            {clouds.map((cloud) => (
              <li key={cloud}>
                <span className={`swatch seg-${cloud}`} aria-hidden="true" /> {segmentLabel(cloud)}
              </li>
            ))}
          </ul>
          <div className="timeline-chart-wrap">
            <TimelineChart bars={bars} onPick={pick} />
          </div>
          <TimelineTable bars={bars} clouds={clouds} onPick={pick} />
        </>
      )}
    </section>
  );
}
