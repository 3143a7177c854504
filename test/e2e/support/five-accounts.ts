import { expect, type Page } from '@playwright/test';
import {
  chooseStorage,
  fillAwsForm,
  fillAzureForm,
  fillGcpForm,
  fillOpenStackForm,
  fillVmwareForm,
  openAddAccount,
  saveAccount,
  testConnection,
  type CloudLabel,
} from './account-forms';
import { waitForSyncedCatalog } from './catalog-page';
import { parseCount } from './catalog-view';
import { startCloudStandIns, type CloudStandIns } from './cloud-stand-ins';
import { removeDataDir, startHangarHost, type RunningHost } from './hangar-host';
import { startKeychain } from './keychain';
import type { SecretService } from '../../support/secret-service';

/** Each cloud: its radio and facet label, its badge in the grid, its value in exports, the account's name. */
export interface FiveCloudAccount {
  cloud: CloudLabel;
  badge: string;
  value: 'aws' | 'gcp' | 'azure' | 'openstack' | 'vmware';
  name: string;
}

export const FIVE_ACCOUNTS: readonly FiveCloudAccount[] = [
  { cloud: 'AWS', badge: 'AWS', value: 'aws', name: 'Acme AWS' },
  { cloud: 'Google Cloud', badge: 'GCP', value: 'gcp', name: 'Acme Google' },
  { cloud: 'Azure', badge: 'Azure', value: 'azure', name: 'Acme Azure' },
  { cloud: 'OpenStack', badge: 'OpenStack', value: 'openstack', name: 'Acme OpenStack' },
  { cloud: 'VMware', badge: 'VMware', value: 'vmware', name: 'Acme vCenter' },
];

const FILL = {
  AWS: fillAwsForm,
  'Google Cloud': fillGcpForm,
  Azure: fillAzureForm,
  OpenStack: fillOpenStackForm,
  VMware: fillVmwareForm,
} as const;

/**
 * Adds one account per cloud through the "Add account" dialog, each tested before it is saved;
 * the self-signed vCenter's certificate is pinned with "Trust this certificate", as a user would.
 */
export async function addFiveAccounts(page: Page, standIns: CloudStandIns, keychain: boolean): Promise<void> {
  for (const account of FIVE_ACCOUNTS) {
    const dialog = await openAddAccount(page, account.cloud);
    await FILL[account.cloud](dialog, account.name, standIns);
    await chooseStorage(dialog, keychain);
    const status = await testConnection(dialog);
    if (account.cloud === 'VMware') {
      // The test names the exact certificate, the user pins it, it works.
      await expect(status).toContainText('Connection failed');
      await expect(status).toContainText(standIns.vmware.certificateFingerprint!);
      await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
      await expect(dialog.getByText('Trusting the certificate with SHA-256 fingerprint')).toBeVisible();
    }
    await expect(status).toContainText('Connection works', { timeout: 30_000 });
    await saveAccount(dialog);
  }
  const accounts = page.getByRole('region', { name: 'Accounts' });
  for (const { name } of FIVE_ACCOUNTS) await expect(accounts).toContainText(name);
}

/**
 * "Sync all" in the Sources sidebar; resolves once every source synced (none failed or was
 * cancelled) and the table shows the whole catalog, with the headline's numbers.
 */
export async function syncAll(page: Page): Promise<{ total: number; sourceCount: number }> {
  const sources = page.getByRole('region', { name: 'Sources' });
  await sources.getByRole('button', { name: 'Sync all' }).click();
  const total = await waitForSyncedCatalog(page);
  const headline = (await page.getByText(/^Sync finished: /).textContent()) ?? '';
  const sourceCount = parseCount(/([\d,]+) sources/.exec(headline)?.[1] ?? '0');
  const progress = page.getByRole('list', { name: 'Sync progress by source' }).getByRole('listitem');
  await expect(progress).toHaveCount(sourceCount);
  await expect(progress.filter({ hasText: /failed|cancelled/ })).toHaveCount(0);
  return { total, sourceCount };
}

/** A real keychain (when one can run), the five stand-ins in the test process and a browser host. */
export interface FiveCloudSession {
  keychain: SecretService | null;
  clouds: CloudStandIns;
  host: RunningHost;
  /** Stops the host, every stand-in and the keychain, and removes the host's data dir. */
  stop(): Promise<void>;
}

export async function startFiveCloudSession(): Promise<FiveCloudSession> {
  const keychain = (await startKeychain()).service;
  const clouds = await startCloudStandIns();
  // The host is its own process: the Azure stand-in's CA reaches it as it would reach any Node
  // app, through NODE_EXTRA_CA_CERTS. VMware's self-signed certificate stays untrusted on purpose.
  const host = await startHangarHost({
    args: ['--no-sandbox'],
    env: { ...(keychain?.env ?? {}), NODE_EXTRA_CA_CERTS: clouds.azureCaFile },
  }).catch(async (error: unknown) => {
    await clouds.stopAll();
    await keychain?.stop();
    throw error;
  });
  const stop = async (): Promise<void> => {
    await host.stop();
    await clouds.stopAll();
    await keychain?.stop();
    await removeDataDir(host.dataDir);
  };
  return { keychain, clouds, host, stop };
}
