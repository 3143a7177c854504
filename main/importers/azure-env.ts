import type { AccountDraft } from '@contract/index';
import {
  buildCandidate,
  present,
  presentSecret,
  type EnvironmentMap,
  type ImportResult,
} from './import-candidate';

export const DEFAULT_AZURE_LOCATIONS = ['westeurope'];

const VARIABLES = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_AUTHORITY_HOST',
] as const;

const LABELS: Readonly<Record<string, string>> = {
  tenantId: 'AZURE_TENANT_ID',
  clientId: 'AZURE_CLIENT_ID',
  subscriptionId: 'AZURE_SUBSCRIPTION_ID',
  clientSecret: 'AZURE_CLIENT_SECRET',
  authorityHost: 'AZURE_AUTHORITY_HOST',
};

/**
 * Proposes a service-principal account from the variables Azure's EnvironmentCredential reads.
 * Nothing is proposed when none of them is set. A missing tenant, client or subscription id is a
 * problem (the account cannot be identified); a missing client secret only means the user types it.
 */
export function importAzureEnvironment(env: EnvironmentMap): ImportResult {
  const value = (name: string): string | undefined => present(env[name]);
  const tenantId = value('AZURE_TENANT_ID');
  const clientId = value('AZURE_CLIENT_ID');
  const clientSecret = presentSecret(env.AZURE_CLIENT_SECRET);
  const subscriptionId = value('AZURE_SUBSCRIPTION_ID');
  if (!tenantId && !clientId && !clientSecret && !subscriptionId) return { candidates: [], errors: [] };

  const problems: string[] = [];
  const notes: string[] = [];
  if (!tenantId) problems.push('AZURE_TENANT_ID is not set: Hangar needs the directory (tenant) id.');
  if (!clientId)
    problems.push(
      "AZURE_CLIENT_ID is not set: Hangar needs the service principal's application (client) id.",
    );
  if (!subscriptionId) {
    problems.push(
      'AZURE_SUBSCRIPTION_ID is not set: Hangar needs the subscription whose images to list. Set it, or add the account by hand.',
    );
  }

  const needsSecret = !clientSecret;
  if (needsSecret) notes.push(missingSecretNote(value));

  const authorityHost = value('AZURE_AUTHORITY_HOST');
  if (authorityHost) {
    notes.push(
      "AZURE_AUTHORITY_HOST points at another Azure cloud: set that cloud's Resource Manager endpoint in Hangar too.",
    );
  }
  notes.push(
    `Locations default to ${DEFAULT_AZURE_LOCATIONS.join(', ')}: choose the ones you use, and the Marketplace publishers (Canonical, MicrosoftWindowsServer, RedHat …) whose images to list.`,
  );

  const draft: AccountDraft = {
    cloud: 'azure',
    connection: {
      tenantId: tenantId ?? '',
      clientId: clientId ?? '',
      subscriptionId: subscriptionId ?? '',
      locations: [...DEFAULT_AZURE_LOCATIONS],
      publishers: [],
      includeManagedImages: true,
      includeGalleries: true,
      ...(authorityHost ? { authorityHost } : {}),
    },
    secret: { clientSecret: clientSecret ?? '' },
  };
  const candidate = buildCandidate({
    source: `environment: ${VARIABLES.filter((name) => value(name)).join(', ')}`,
    name: subscriptionId ? `Azure ${subscriptionId.slice(0, 8)}` : 'Azure (environment)',
    draft,
    needsSecret,
    notes,
    problems,
    hidden: [clientSecret, value('AZURE_PASSWORD'), value('AZURE_CLIENT_CERTIFICATE_PASSWORD')],
    labels: LABELS,
  });
  return { candidates: [candidate], errors: [] };
}

function missingSecretNote(value: (name: string) => string | undefined): string {
  if (value('AZURE_CLIENT_CERTIFICATE_PATH')) {
    return 'This service principal signs in with a certificate (AZURE_CLIENT_CERTIFICATE_PATH), which Hangar does not support yet: type a client secret instead.';
  }
  if (value('AZURE_USERNAME')) {
    return "AZURE_USERNAME signs in as a user, which Hangar does not support: type the service principal's client secret.";
  }
  return 'AZURE_CLIENT_SECRET is not set: type the client secret to add this account.';
}
