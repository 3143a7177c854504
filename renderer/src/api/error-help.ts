import type { ApiErrorCode } from './api-error';

/** What the user can do next, per error code; null where main's message already says it all. */
const NEXT_STEPS: Record<ApiErrorCode, string | null> = {
  'invalid-request': null,
  'not-found': 'It may have been removed meanwhile: refresh the list.',
  conflict: 'Wait for the running operation to finish, or cancel it, then try again.',
  'forbidden-sender': 'Reload the window.',
  'keychain-unavailable':
    'Keep the secret for this session only, or start a Secret Service (for example gnome-keyring) and restart Hangar.',
  'cloud-auth': "Check the account's credentials: they were refused, or they expired.",
  'cloud-permission': 'The credentials work but lack a permission: allow them to list images.',
  'cloud-unreachable': 'Check the network or the custom endpoint; the cached catalog stays browsable.',
  'cloud-throttled': 'The cloud is throttling requests: wait a minute and try again.',
  'cloud-error': 'Try again; if it keeps failing, check the account settings.',
  cancelled: null,
  internal: 'Try again; if it repeats, restart Hangar.',
  unauthorized: 'Open the address Hangar printed at start-up, including its token.',
  'host-unreachable': 'Check that Hangar is still running, then reload this page.',
  'bad-response': 'This page and Hangar may be different versions: reload the page.',
};

export function nextStepFor(code: ApiErrorCode): string | null {
  return NEXT_STEPS[code] ?? null;
}
