import { errorId } from '../../components/form-field';
import { compareFlavors, filterFlavors, formatDisk, formatMemory } from './model/flavors';
import { fieldInputId } from './model/launch-steps';
import type { StepProps } from './step-props';

const TABLE_ID = fieldInputId('flavorId');
const FILTER_ID = 'launch-flavor-filter';

/**
 * Step 2: the cloud's flavors with vCPU, memory and disk, smallest first. Those that cannot take
 * the image are shown but cannot be chosen, each saying why. The radios are one group, so the
 * arrow keys move between the flavors that fit.
 */
export function StepHardware({ draft, dispatch, errors, options, choices }: StepProps) {
  const all = [...options.flavors].sort(compareFlavors);
  const shown = filterFlavors(all, draft.flavorFilter);
  const chosen = all.find((f) => f.id === choices.flavorId) ?? null;
  const chosenHidden = chosen !== null && !shown.includes(chosen);
  const fitting = all.filter((f) => f.unfitReason === null).length;
  const error = errors.flavorId;

  return (
    <>
      <div className="form-field">
        <label htmlFor={FILTER_ID}>Filter flavors</label>
        <input
          id={FILTER_ID}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. m5, 4 vcpu, 16 gib, arm64"
          value={draft.flavorFilter}
          aria-describedby={`${FILTER_ID}-count`}
          onChange={(event) => dispatch({ type: 'set', patch: { flavorFilter: event.target.value } })}
        />
        <p id={`${FILTER_ID}-count`} className="field-hint" role="status">
          {shown.length} of {all.length} flavors shown; {fitting} can take this image.
          {chosenHidden && ` The chosen one, ${chosen.name}, is hidden by the filter.`}
        </p>
      </div>
      <div className="launch-table-wrap">
        <table
          id={TABLE_ID}
          className="launch-table"
          aria-label="Hardware flavors"
          aria-describedby={error ? errorId(TABLE_ID) : undefined}
          tabIndex={-1}
        >
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Choose</span>
              </th>
              <th scope="col">Flavor</th>
              <th scope="col" className="num">
                vCPU
              </th>
              <th scope="col" className="num">
                Memory
              </th>
              <th scope="col">Disk</th>
              <th scope="col">Architecture</th>
              <th scope="col">Fits the image</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((flavor) => {
              const radioId = `launch-flavor-${flavor.id}`;
              const reasonId = `${radioId}-reason`;
              const unfit = flavor.unfitReason !== null;
              const isChosen = flavor.id === choices.flavorId;
              return (
                <tr key={flavor.id} className={`${unfit ? 'is-unfit' : ''} ${isChosen ? 'is-chosen' : ''}`}>
                  <td>
                    <input
                      id={radioId}
                      type="radio"
                      name="launch-flavor"
                      value={flavor.id}
                      checked={isChosen}
                      disabled={unfit}
                      aria-describedby={unfit ? reasonId : undefined}
                      onChange={() => dispatch({ type: 'set', patch: { flavorId: flavor.id } })}
                    />
                  </td>
                  <td>
                    <label htmlFor={radioId} className="mono">
                      {flavor.name}
                    </label>
                  </td>
                  <td className="num">{flavor.vcpus}</td>
                  <td className="num">{formatMemory(flavor.memoryMiB)}</td>
                  <td>{formatDisk(flavor.diskGb)}</td>
                  <td>{flavor.architecture ?? 'any'}</td>
                  <td id={reasonId}>{unfit ? `No: ${flavor.unfitReason}` : 'Yes'}</td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {all.length === 0 ? 'The cloud lists no flavors here.' : 'No flavor matches the filter.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {error && (
        <p id={errorId(TABLE_ID)} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
