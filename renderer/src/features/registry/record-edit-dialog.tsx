import type { ReactNode } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  LABEL_COLORS,
  OS_FAMILIES,
  osFamilyLabel,
  RegistryAccessSchema,
  type RegistryRecord,
} from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/form-field';
import { TextField } from '../accounts/form/text-field';
import {
  ARCHITECTURES,
  editValuesOf,
  RecordEditSchema,
  type RecordEditResult,
  type RecordEditValues,
} from './model/record-edit-schema';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

interface RecordEditDialogProps {
  record: RegistryRecord;
  onClose: () => void;
}

/** Edits every field of a record over registry:update, validated by the contract's own rules. */
export function RecordEditDialog({ record, onClose }: RecordEditDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const form = useForm<RecordEditValues, unknown, RecordEditResult>({
    resolver: zodResolver(RecordEditSchema),
    defaultValues: editValuesOf(record),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, formState } = form;
  const { errors } = formState;
  const save = useAction((changes: RecordEditResult) =>
    api.invoke('registry:update', {
      workspaceId,
      recordId: record.id,
      // Sharing down only means something at the workspace level.
      changes: record.environmentId === null ? changes : { ...changes, shared: undefined },
    }),
  );

  const onSubmit = form.handleSubmit(async (changes) => {
    if (!(await save.run(changes))) return;
    await invalidate();
    onClose();
  });

  // A stored family outside today's list still shows (and the schema asks to pick a known one).
  const families = OS_FAMILIES.some((f) => f.id === record.osFamily)
    ? OS_FAMILIES
    : [{ id: record.osFamily, label: osFamilyLabel(record.osFamily) }, ...OS_FAMILIES];

  return (
    <Dialog title={`Edit ${record.alias || record.name}`} onClose={onClose} className="dialog-wide">
      <form className="account-form registry-form" onSubmit={onSubmit} noValidate aria-label="Record details">
        <div className="form-columns">
          <div className="form-column">
            <TextField
              id="record-name"
              label="Name"
              autoFocus
              registration={register('name')}
              error={errors.name?.message}
            />
            <TextField
              id="record-alias"
              label="Alias (display name)"
              registration={register('alias')}
              error={errors.alias?.message}
            />
            <TextField
              id="record-version"
              label="Version"
              registration={register('version')}
              error={errors.version?.message}
            />
            <FormField id="record-description" label="Description" error={errors.description?.message}>
              <textarea id="record-description" rows={3} {...register('description')} />
            </FormField>
            <TextField
              id="record-size"
              label="Size (GB, optional)"
              registration={register('sizeGb')}
              error={errors.sizeGb?.message}
            />
            <label className="checkbox">
              <input type="checkbox" {...register('agentInstalled')} /> Agent installed
            </label>
          </div>
          <div className="form-column">
            <SelectField
              id="record-os-family"
              label="OS family"
              registration={register('osFamily')}
              error={errors.osFamily?.message}
            >
              {families.map((family) => (
                <option key={family.id} value={family.id}>
                  {family.label}
                </option>
              ))}
            </SelectField>
            <TextField
              id="record-os-version"
              label="OS version"
              registration={register('osVersion')}
              error={errors.osVersion?.message}
            />
            <SelectField
              id="record-arch"
              label="Architecture"
              registration={register('architecture')}
              error={errors.architecture?.message}
            >
              {ARCHITECTURES.map((arch) => (
                <option key={arch}>{arch}</option>
              ))}
            </SelectField>
            <SelectField
              id="record-label"
              label="Label colour"
              registration={register('labelColor')}
              error={errors.labelColor?.message}
            >
              {LABEL_COLORS.map((color) => (
                <option key={color}>{color}</option>
              ))}
            </SelectField>
            <SelectField
              id="record-access"
              label="Access"
              registration={register('access')}
              error={errors.access?.message}
            >
              {RegistryAccessSchema.options.map((access) => (
                <option key={access}>{access}</option>
              ))}
            </SelectField>
            {record.environmentId === null && (
              <label className="checkbox">
                <input type="checkbox" {...register('shared')} /> Shared with the environments below
              </label>
            )}
            <FormField
              id="record-tags"
              label="Tags"
              error={errors.tags?.message}
              hint="key=value, one per line."
            >
              <textarea
                id="record-tags"
                rows={4}
                className="mono"
                spellCheck={false}
                aria-invalid={errors.tags ? true : undefined}
                aria-describedby={describedBy('record-tags', true, errors.tags?.message)}
                {...register('tags')}
              />
            </FormField>
          </div>
        </div>
        {save.error && <ErrorMessage error={save.error} context="Could not save the record" />}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
            Save changes
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  children: ReactNode;
}

function SelectField({ id, label, registration, error, children }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, false, error)}
        {...registration}
      >
        {children}
      </select>
    </FormField>
  );
}
