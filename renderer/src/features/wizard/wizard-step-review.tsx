import type { Dispatch, FormEvent, ReactNode } from 'react';
import { osFamilyLabel, type Account, type RegistryRecordFields, type Workspace } from '@contract/index';
import { CLOUD_LABEL } from '../../lib/clouds';
import { formatDateTime } from '../../lib/format';
import { ExistingRecordChoices } from './existing-record-choices';
import type { Busy } from './use-wizard-actions';
import { WizardFooter } from './wizard-footer';
import { WizardForm } from './wizard-form';
import { cacheNote, warningsOf } from './model/wizard-rules';
import type { WizardAction, WizardState } from './model/wizard-state';

interface StepReviewProps {
  state: WizardState & { record: RegistryRecordFields };
  dispatch: Dispatch<WizardAction>;
  accounts: readonly Account[];
  workspace: Workspace | null;
  busy: Busy;
  /** Register answered "already registered": that record. */
  conflict: { recordId: string; name: string; sameLocation: boolean } | null;
  onRegister: () => void;
  onOpenRecord: (recordId: string) => void;
  onAddTo: (recordId: string) => void;
  onCancel: () => void;
}

type Row = [label: string, value: ReactNode];

function Section({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <section className="wizard-review-section" aria-label={title}>
      <h4>{title}</h4>
      <dl className="wizard-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="wizard-summary-row">
            <dt>{label}</dt>
            <dd>{value === '' ? <span className="muted">—</span> : value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Step 5: everything at once, then Register. */
export function WizardStepReview(props: StepReviewProps) {
  const {
    state,
    dispatch,
    accounts,
    workspace,
    busy,
    conflict,
    onRegister,
    onOpenRecord,
    onAddTo,
    onCancel,
  } = props;
  const { record, lookup } = state;
  const account = accounts.find((a) => a.id === state.accountId);
  const environment = workspace?.environments.find((env) => env.id === state.environmentId);
  const atTop = state.environmentId === '';
  const tags = Object.entries(record.tags).map(([key, value]) => `${key}=${value}`);

  const where: Row[] = [
    ['Cloud', state.cloud ? CLOUD_LABEL[state.cloud] : ''],
    ['Account', account?.name ?? state.accountId],
    ['Location', state.location],
    [
      'Environment',
      atTop ? `Workspace level${workspace ? ` (${workspace.name})` : ''}` : (environment?.name ?? ''),
    ],
    ['Shared to the environments below', atTop ? yesNo(state.shared) : 'Not applicable'],
  ];
  const image: Row[] = [
    [
      state.cloud === 'vmware' ? 'Template' : 'Image id',
      <code className="selectable">{lookup?.cloudImageId}</code>,
    ],
    ...(state.cloud === 'vmware' ? [['Compute resource', state.computeResource.trim()] as Row] : []),
    [
      'Looked up',
      lookup ? (cacheNote(lookup, formatDateTime) ?? `In ${CLOUD_LABEL[state.cloud ?? 'aws']} just now`) : '',
    ],
    ...(lookup && warningsOf(lookup).length > 0
      ? [
          [
            'Warnings accepted',
            warningsOf(lookup)
              .map((w) => w.message)
              .join(' '),
          ] as Row,
        ]
      : []),
  ];
  const details: Row[] = [
    ['Name', record.name],
    ['Alias', record.alias],
    ['Version', record.version],
    ['Description', record.description],
    ['OS family', osFamilyLabel(record.osFamily)],
    ['OS version', record.osVersion],
    ['Architecture', record.architecture],
    ['Size (GB)', record.sizeGb === null ? '' : String(record.sizeGb)],
    ['Agent installed', yesNo(record.agentInstalled)],
    ['Label colour', capitalise(record.labelColor)],
    ['Tags', tags.join(', ')],
    ['Access', capitalise(record.access)],
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy === null) onRegister();
  };

  return (
    <WizardForm onSubmit={onSubmit}>
      {conflict && (
        <ExistingRecordChoices
          existing={conflict}
          busy={busy !== null}
          onOpen={onOpenRecord}
          onAddTo={onAddTo}
        />
      )}
      <div className="wizard-review">
        <Section title="Where" rows={where} />
        <Section title="Cloud image" rows={image} />
        <Section title="Record" rows={details} />
      </div>
      <p className="wizard-progress" role="status">
        {busy === 'register' && 'Registering…'}
      </p>
      <WizardFooter
        onCancel={onCancel}
        onBack={() => dispatch({ type: 'go', step: 'details' })}
        nextLabel={conflict ? undefined : 'Register'}
        busy={busy !== null}
      />
    </WizardForm>
  );
}
