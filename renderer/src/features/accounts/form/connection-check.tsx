import type { Cloud, ConnectionCheck } from '@contract/index';
import type { ApiError } from '../../../api/api-error';
import { ErrorMessage } from '../../../components/error-message';
import { adviceFor } from './connection-advice';

export type CheckState =
  | { state: 'idle' }
  /** `target` names what is being asked: a region, a project, a vCenter. */
  | { state: 'running'; target: string }
  | { state: 'done'; target: string; check: ConnectionCheck }
  | { state: 'failed'; error: ApiError };

interface ConnectionCheckResultProps {
  result: CheckState;
  cloud: Cloud;
  /** Offered when the server's certificate is untrusted and the form can pin a fingerprint. */
  onTrust?: (fingerprint: string) => void;
}

/** The result of "Test connection", in words, with what to do when it failed. */
export function ConnectionCheckResult({ result, cloud, onTrust }: ConnectionCheckResultProps) {
  if (result.state === 'idle') return null;
  if (result.state === 'failed')
    return <ErrorMessage error={result.error} context="Could not test the connection" />;
  if (result.state === 'running') {
    return (
      <p className="check-result" role="status">
        Testing {result.target}…
      </p>
    );
  }
  const { check, target } = result;
  const advice = adviceFor(cloud, check.code);
  const fingerprint = check.code === 'untrusted-certificate' ? check.certificateFingerprint : undefined;
  return (
    <div className={`check-result ${check.ok ? 'check-ok' : 'check-failed'}`}>
      <div role="status">
        <p>
          <strong>{check.ok ? 'Connection works' : 'Connection failed'}</strong> ({target}): {check.message}
          {!check.ok && <code className="error-code">{check.code}</code>}
        </p>
        {advice && <p className="error-next">{advice}</p>}
        {fingerprint && (
          <p className="fingerprint">
            SHA-256 fingerprint: <code className="selectable">{fingerprint}</code>
          </p>
        )}
      </div>
      {fingerprint && onTrust && (
        <button type="button" className="trust-button" onClick={() => onTrust(fingerprint)}>
          Trust this certificate
        </button>
      )}
    </div>
  );
}
