import type { ConnectionCheck } from '@contract/index';
import type { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';

export type CheckState =
  | { state: 'idle' }
  | { state: 'running'; region: string }
  | { state: 'done'; region: string; check: ConnectionCheck }
  | { state: 'failed'; error: ApiError };

const ADVICE: Record<ConnectionCheck['code'], string | null> = {
  ok: null,
  'bad-credentials': 'Check the access key id and secret access key (and the session token, if it expired).',
  'no-permission': 'The key is valid but may not list images: allow ec2:DescribeImages for it.',
  unreachable: 'Check the network, or the custom endpoint URL.',
  throttled: 'AWS is throttling requests: wait a moment and test again.',
  error: null,
};

/** The result of "Test connection", in words, with what to do when it failed. */
export function ConnectionCheckResult({ result }: { result: CheckState }) {
  if (result.state === 'idle') return null;
  if (result.state === 'failed')
    return <ErrorMessage error={result.error} context="Could not test the connection" />;
  if (result.state === 'running') {
    return (
      <p className="check-result" role="status">
        Testing against {result.region}…
      </p>
    );
  }
  const { check, region } = result;
  const advice = ADVICE[check.code];
  return (
    <div className={`check-result ${check.ok ? 'check-ok' : 'check-failed'}`} role="status">
      <p>
        <strong>{check.ok ? 'Connection works' : 'Connection failed'}</strong> ({region}): {check.message}
        {!check.ok && <code className="error-code">{check.code}</code>}
      </p>
      {advice && <p className="error-next">{advice}</p>}
    </div>
  );
}
