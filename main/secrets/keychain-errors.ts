import { SecretStoreUnavailableError } from './secret-store';

/** What the user reads when the keychain cannot be used; each says what to do next. */
export const KEYCHAIN_MESSAGES = {
  noModule:
    "Hangar could not load its keychain module (on Linux it needs libsecret: install libsecret-1-0), so secrets cannot be saved in the keychain; keep this account's secret for this session only.",
  noService:
    "No Secret Service is running (install and start gnome-keyring or KeePassXC's Secret Service), or keep this account's secret for this session only.",
  noKeyring:
    "The keychain has no default keyring yet; create one (for example in Passwords and Keys), or keep this account's secret for this session only.",
  locked:
    "The keychain is locked; unlock it and try again, or keep this account's secret for this session only.",
  timeout: 'The keychain did not answer — it may be locked; unlock it and try again.',
  failed: "The keychain refused the request; try again, or keep this account's secret for this session only.",
} as const;

/**
 * Patterns of libsecret / GDBus messages (Linux). Other platforms' failures fall through to
 * `failed`. The native text is kept only as `cause`, never in the message the user sees.
 */
const NO_SERVICE = [
  /ServiceUnknown/i,
  /not provided by any \.service files/i,
  /Could not connect/i,
  /autolaunch/i,
  /dbus-launch/i,
  /machine-id/i,
  /DBUS_SESSION_BUS_ADDRESS/i,
];
/** gnome-keyring with no login keyring: the "default" alias points at nothing. */
const NO_KEYRING = [/Object does not exist at path/i, /NoSuchObject/i];
const LOCKED = [/locked/i, /dismissed/i, /cancel/i];

export function toUnavailableError(error: unknown): SecretStoreUnavailableError {
  if (error instanceof SecretStoreUnavailableError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const matches = (patterns: RegExp[]): boolean => patterns.some((pattern) => pattern.test(text));
  let message: string = KEYCHAIN_MESSAGES.failed;
  if (matches(NO_SERVICE)) message = KEYCHAIN_MESSAGES.noService;
  else if (matches(NO_KEYRING)) message = KEYCHAIN_MESSAGES.noKeyring;
  else if (matches(LOCKED)) message = KEYCHAIN_MESSAGES.locked;
  return new SecretStoreUnavailableError(message, { cause: error });
}
