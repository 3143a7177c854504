import type { LaunchPreview } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { formatMemory } from './model/flavors';
import { stepLabel, type LaunchStep } from './model/launch-steps';
import type { ProblemGroup } from './model/problem-groups';
import { placeLabel } from './model/place-choices';
import type { StepProps } from './step-props';
import { useSecurityGroups } from './use-launch-data';

interface StepSummaryProps extends StepProps {
  preview: { data: LaunchPreview | undefined; isFetching: boolean; error: unknown; retry: () => void };
  problems: ProblemGroup[];
  onGoTo: (step: LaunchStep) => void;
}

/** Step 7: what will be launched, what the cloud would refuse (with a way back to each), its tags and first-boot script. */
export function StepSummary({
  draft,
  options,
  choices,
  place,
  location,
  preview,
  problems,
  onGoTo,
}: StepSummaryProps) {
  const flavor = options.flavors.find((f) => f.id === choices.flavorId);
  const network = options.networks.find((n) => n.id === choices.networkId);
  const subnet = network?.subnets.find((s) => s.id === choices.subnetId);
  // Listed on the network step already: names from the cache rather than bare ids.
  const groups = useSecurityGroups(
    { accountId: place.accountId, location },
    choices.networkId,
    options.capabilities.securityGroups && draft.securityGroupIds.length > 0,
  );
  const groupNames = draft.securityGroupIds.map((id) => groups.data?.find((g) => g.id === id)?.name ?? id);
  const rows: [string, string][] = [
    ['Where', place.cloud === 'gcp' ? `${placeLabel(place)} · zone ${location}` : placeLabel(place)],
    ['Image', `${options.image.name} (${options.image.id})`],
    ['Hardware', flavor ? `${flavor.name}: ${flavor.vcpus} vCPU, ${formatMemory(flavor.memoryMiB)}` : '—'],
    [
      'Network',
      [network?.name, subnet ? subnet.name || subnet.id : null].filter(Boolean).join(' · ') || 'default',
    ],
    ['Public IP address', options.capabilities.publicIp ? (draft.publicIp ? 'yes' : 'no') : 'not offered'],
    ['Security groups', groupNames.join(', ') || 'none chosen'],
    ['Access key', accessText(draft.publicKey, choices.keyName, options.capabilities.keyPairs)],
    ['Data volumes', volumesText(draft)],
    ['Server name', `${draft.name.trim()} × ${draft.count.trim() || '1'}`],
  ];
  return (
    <>
      {preview.isFetching && (
        <p role="status" className="muted">
          Checking the launch with the cloud…
        </p>
      )}
      {preview.error !== null && !preview.isFetching && (
        <div>
          <ErrorMessage error={preview.error} context="Could not check the launch" />
          <button type="button" onClick={preview.retry}>
            Check again
          </button>
        </div>
      )}
      {problems.length > 0 && <Problems groups={problems} onGoTo={onGoTo} />}
      {problems.length === 0 && preview.data && !preview.isFetching && (
        <p role="status" className="launch-ready">
          The cloud accepts this launch.
        </p>
      )}
      <dl className="wizard-summary" aria-label="Launch summary">
        {rows.map(([key, value]) => (
          <div key={key} className="wizard-summary-row">
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {preview.data && (
        <>
          <h4 id="launch-tags-heading">Tags as the cloud gets them</h4>
          <dl className="wizard-summary mono" aria-labelledby="launch-tags-heading">
            {Object.entries(preview.data.cloudTags).map(([key, value]) => (
              <div key={key} className="wizard-summary-row">
                <dt>{key}</dt>
                <dd>{value || '(empty)'}</dd>
              </div>
            ))}
          </dl>
          <h4 id="launch-init-heading">First-boot script</h4>
          {preview.data.cloudInit ? (
            <pre className="launch-code" tabIndex={0} aria-labelledby="launch-init-heading">
              {preview.data.cloudInit}
            </pre>
          ) : (
            <p className="muted">
              None: Hangar adds no script{draft.userData.trim() ? '; your user data goes as it is' : ''}.
            </p>
          )}
        </>
      )}
    </>
  );
}

/** Problems grouped by the step that fixes them, each group with a way back to that step. */
function Problems({ groups, onGoTo }: { groups: ProblemGroup[]; onGoTo: (step: LaunchStep) => void }) {
  return (
    <section className="launch-problems" role="alert" aria-labelledby="launch-problems-heading">
      <h4 id="launch-problems-heading">Fix these before launching</h4>
      {groups.map((group) => (
        <div key={group.step} className="launch-problem-group">
          <button type="button" className="link-button" onClick={() => onGoTo(group.step)}>
            Go to {stepLabel(group.step)}
          </button>
          <ul>
            {group.problems.map((p) => (
              <li key={`${p.field}-${p.message}`}>
                <strong>{p.label}:</strong> {p.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function accessText(publicKey: string, keyName: string | null, mode: string): string {
  if (mode === 'none') return 'none (the cloud takes no key)';
  if (mode === 'public-key-only')
    return publicKey.trim() ? `your public key ${publicKey.trim().slice(0, 24)}…` : 'none';
  return keyName ? `key pair ${keyName}` : 'none (no SSH access)';
}

function volumesText(draft: StepProps['draft']): string {
  if (draft.volumes.length === 0) return 'none';
  const list = draft.volumes
    .map((v) => `${v.sizeGb} GB${v.type ? ` ${v.type}` : ''}${v.encrypted ? ' encrypted' : ''}`)
    .join(', ');
  return draft.raid ? `${list}; RAID ${draft.raidLevel} at ${draft.mountPoint} (${draft.filesystem})` : list;
}
