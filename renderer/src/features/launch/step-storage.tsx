import { useState } from 'react';
import type { LaunchSpecRequest } from '@contract/index';
import { errorId } from '../../components/form-field';
import { ErrorMessage } from '../../components/error-message';
import { CLOUD_LABEL } from '../../lib/clouds';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { fieldInputId } from './model/launch-steps';
import { KMS_HINT } from './model/volume-types';
import type { StepProps } from './step-props';
import { useLaunchPreview } from './use-launch-data';
import { VolumeRow } from './volume-row';

const RAID_ID = fieldInputId('raid');
const LEVEL_ID = fieldInputId('raid.level');
const MOUNT_ID = fieldInputId('raid.mountPoint');
const FS_ID = fieldInputId('raid.filesystem');

/** Step 5: data volumes, optionally one RAID array made and mounted at first boot (previewable). */
export function StepStorage(props: StepProps & { scriptSpec: LaunchSpecRequest | null }) {
  const { draft, dispatch, errors, options, place, scriptSpec } = props;
  const cloud = place.cloud;
  if (!options.capabilities.volumes)
    return (
      <p>
        {cloud ? CLOUD_LABEL[cloud] : 'This cloud'} cannot add data volumes at launch from Hangar: the server
        gets the image’s own disks.
      </p>
    );
  const kmsHint = cloud ? KMS_HINT[cloud] : null;
  const addVolume = () => {
    dispatch({ type: 'add-volume' });
    const index = draft.volumes.length;
    requestAnimationFrame(() => document.getElementById(fieldInputId(`volumes.${index}.sizeGb`))?.focus());
  };
  const removeVolume = (index: number) => {
    dispatch({ type: 'remove-volume', index });
    requestAnimationFrame(() => document.getElementById('launch-add-volume')?.focus());
  };
  return (
    <>
      <p className="field-hint">
        Data volumes besides the image’s own disk.
        {kmsHint && <span id="launch-kms-hint"> KMS key: {kmsHint}</span>}
      </p>
      {draft.volumes.length === 0 && <p className="muted">No data volumes.</p>}
      {draft.volumes.map((volume, index) => (
        <VolumeRow
          key={index}
          index={index}
          cloud={cloud}
          volume={volume}
          errors={errors}
          onChange={(patch) => dispatch({ type: 'set-volume', index, patch })}
          onRemove={() => removeVolume(index)}
        />
      ))}
      <div className="launch-row-actions">
        <button id="launch-add-volume" type="button" onClick={addVolume}>
          Add volume
        </button>
      </div>
      <div className="form-field">
        <label className="checkbox">
          <input
            id={RAID_ID}
            type="checkbox"
            checked={draft.raid}
            {...fieldAria(RAID_ID, true, errors.raid)}
            onChange={(event) => dispatch({ type: 'set', patch: { raid: event.target.checked } })}
          />
          Assemble as RAID
        </label>
        <p id={`${RAID_ID}-hint`} className="field-hint">
          Two or more volumes of the same size become one array, formatted and mounted at first boot by a
          cloud-init script Hangar writes.
        </p>
        {errors.raid && (
          <p id={errorId(RAID_ID)} className="field-error">
            {errors.raid}
          </p>
        )}
      </div>
      {draft.raid && (
        <div className="form-columns launch-raid">
          <WizardField id={LEVEL_ID} label="RAID level" error={errors['raid.level']}>
            <select
              id={LEVEL_ID}
              value={draft.raidLevel}
              onChange={(event) =>
                dispatch({ type: 'set', patch: { raidLevel: event.target.value as '0' | '1' } })
              }
            >
              <option value="0">RAID 0 (striped: speed and size, no redundancy)</option>
              <option value="1">RAID 1 (mirrored: survives a lost volume)</option>
            </select>
          </WizardField>
          <WizardField id={MOUNT_ID} label="Mount point" error={errors['raid.mountPoint']} required>
            <input
              id={MOUNT_ID}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.mountPoint}
              aria-required="true"
              {...fieldAria(MOUNT_ID, false, errors['raid.mountPoint'])}
              onChange={(event) => dispatch({ type: 'set', patch: { mountPoint: event.target.value } })}
            />
          </WizardField>
          <WizardField id={FS_ID} label="Filesystem" error={errors['raid.filesystem']}>
            <select
              id={FS_ID}
              value={draft.filesystem}
              onChange={(event) =>
                dispatch({ type: 'set', patch: { filesystem: event.target.value as 'ext4' | 'xfs' } })
              }
            >
              <option value="ext4">ext4</option>
              <option value="xfs">xfs</option>
            </select>
          </WizardField>
        </div>
      )}
      <ScriptPreview spec={scriptSpec} />
    </>
  );
}

/** "Preview first-boot script": asks main for the cloud-init it would write for these volumes. */
function ScriptPreview({ spec }: { spec: LaunchSpecRequest | null }) {
  const [shown, setShown] = useState(false);
  const preview = useLaunchPreview(spec, shown);
  const storageProblems = preview.data?.problems.filter((p) => /^(volumes|raid)/.test(p.field)) ?? [];
  return (
    <section className="launch-script" aria-label="First-boot script">
      <button type="button" aria-expanded={shown} onClick={() => setShown((open) => !open)}>
        Preview first-boot script
      </button>
      {shown && spec === null && (
        <p className="field-error">Fix the volume fields above first: the script is written from them.</p>
      )}
      {shown && spec !== null && preview.isFetching && <p role="status">Writing the script…</p>}
      {shown && preview.isError && (
        <ErrorMessage error={preview.error} context="Could not write the script" />
      )}
      {shown && spec !== null && preview.data && !preview.isFetching && (
        <>
          {storageProblems.map((p) => (
            <p key={`${p.field}-${p.message}`} className="field-error">
              {p.message}
            </p>
          ))}
          {preview.data.cloudInit ? (
            <pre className="launch-code" tabIndex={0} aria-label="First-boot script">
              {preview.data.cloudInit}
            </pre>
          ) : (
            <p className="muted" role="status">
              No first-boot script: Hangar writes one only to assemble RAID volumes. Your own user data
              (Details) goes to the server as it is.
            </p>
          )}
        </>
      )}
    </section>
  );
}
