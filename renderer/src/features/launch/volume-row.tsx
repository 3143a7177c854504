import type { Cloud } from '@contract/index';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import type { VolumeDraft } from './model/launch-draft';
import { fieldInputId } from './model/launch-steps';
import { KMS_HINT, VOLUME_TYPES } from './model/volume-types';

interface VolumeRowProps {
  index: number;
  cloud: Cloud | null;
  volume: VolumeDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<VolumeDraft>) => void;
  onRemove: () => void;
}

/** One data volume: size, type (the cloud's own words), encryption and its key. A group named "Volume N". */
export function VolumeRow({ index, cloud, volume, errors, onChange, onRemove }: VolumeRowProps) {
  const field = (name: keyof VolumeDraft) => `volumes.${index}.${name}`;
  const id = (name: keyof VolumeDraft) => fieldInputId(field(name));
  const error = (name: keyof VolumeDraft) => errors[field(name)];
  const types = cloud ? VOLUME_TYPES[cloud] : null;
  const takesKms = cloud !== null && KMS_HINT[cloud] !== null;
  return (
    <div className="launch-volume" role="group" aria-label={`Volume ${index + 1}`}>
      <WizardField id={id('sizeGb')} label="Size (GB)" error={error('sizeGb')} required>
        <input
          id={id('sizeGb')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={volume.sizeGb}
          aria-required="true"
          {...fieldAria(id('sizeGb'), false, error('sizeGb'))}
          onChange={(event) => onChange({ sizeGb: event.target.value })}
        />
      </WizardField>
      <WizardField id={id('type')} label="Volume type" error={error('type')}>
        {types ? (
          <select
            id={id('type')}
            value={volume.type}
            {...fieldAria(id('type'), false, error('type'))}
            onChange={(event) => onChange({ type: event.target.value })}
          >
            <option value="">Cloud default</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id('type')}
            type="text"
            autoComplete="off"
            placeholder="cloud default"
            value={volume.type}
            {...fieldAria(id('type'), false, error('type'))}
            onChange={(event) => onChange({ type: event.target.value })}
          />
        )}
      </WizardField>
      <div className="form-field launch-volume-check">
        <label className="checkbox">
          <input
            id={id('encrypted')}
            type="checkbox"
            checked={volume.encrypted}
            onChange={(event) => onChange({ encrypted: event.target.checked })}
          />
          Encrypted
        </label>
      </div>
      {takesKms && (
        <WizardField id={id('kmsKeyId')} label="KMS key" error={error('kmsKeyId')}>
          <input
            id={id('kmsKeyId')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            disabled={!volume.encrypted}
            value={volume.encrypted ? volume.kmsKeyId : ''}
            aria-describedby={['launch-kms-hint', error('kmsKeyId') ? `${id('kmsKeyId')}-error` : null]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={error('kmsKeyId') ? true : undefined}
            onChange={(event) => onChange({ kmsKeyId: event.target.value })}
          />
        </WizardField>
      )}
      <button type="button" className="button-quiet launch-row-remove" onClick={onRemove}>
        Remove volume {index + 1}
      </button>
    </div>
  );
}
