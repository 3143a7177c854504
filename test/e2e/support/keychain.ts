import { startSecretService, type SecretService } from '../../support/secret-service';

/**
 * A real Secret Service (private D-Bus + gnome-keyring) for the browser host to keep secrets in.
 * Where the binaries are missing outside CI, the host runs without one and the tests that need
 * it skip with the reason; under CI=true the harness throws instead.
 */
export async function startKeychain(): Promise<{ service: SecretService | null; skipReason: string | null }> {
  const started = await startSecretService();
  if ('skipReason' in started) {
    console.log(`No real keychain for the end-to-end tests: ${started.skipReason}`);
    return { service: null, skipReason: started.skipReason };
  }
  return { service: started, skipReason: null };
}
