import type { ImportCandidateView } from '@contract/index';
import { CloudBadge } from '../../../components/cloud-badge';
import { SecretFields } from '../secret/secret-fields';

interface CandidateItemProps {
  candidate: ImportCandidateView;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  /** What went wrong importing it, if it did. */
  problem: string | null;
}

/** One set of credentials found: where, what it covers, and whether (and how) it can be imported. */
export function CandidateItem({ candidate, checked, onCheck, problem }: CandidateItemProps) {
  const id = `candidate-${candidate.id}`;
  const needsSecret = candidate.importable && candidate.promptForCredential && candidate.cloud;
  return (
    <li className={`candidate ${candidate.importable ? '' : 'is-unimportable'}`}>
      <div className="candidate-head">
        {candidate.importable ? (
          <input
            id={id}
            type="checkbox"
            checked={checked}
            aria-describedby={`${id}-details`}
            onChange={(event) => onCheck(event.target.checked)}
          />
        ) : null}
        <label htmlFor={candidate.importable ? id : undefined} className="candidate-name">
          {candidate.name}
        </label>
        {candidate.cloud && <CloudBadge cloud={candidate.cloud} />}
      </div>
      <div id={`${id}-details`} className="candidate-details">
        <p className="muted">From {candidate.source}</p>
        {candidate.summary && <p>{candidate.summary}</p>}
        {candidate.note && <p className="muted">{candidate.note}</p>}
        {candidate.promptForCredential && (
          <p className="text-warning">Its secret is not stored there: type it below.</p>
        )}
        {!candidate.importable && <p className="text-warning">Cannot be imported as it is.</p>}
      </div>
      {candidate.problems.length > 0 && (
        <ul className="candidate-problems" aria-label={`Problems with ${candidate.name}`}>
          {candidate.problems.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {checked && needsSecret && candidate.cloud && (
        <fieldset className="form-group candidate-secret">
          <legend>Secret for {candidate.name}</legend>
          <SecretFields cloud={candidate.cloud} prefix={candidate.id} identity={candidate.summary} />
        </fieldset>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
