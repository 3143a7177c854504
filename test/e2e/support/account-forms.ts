import { expect, type Locator, type Page } from '@playwright/test';
import { OPENSTACK_SANDBOX_DEMO } from '../../../main/sandbox/openstack';
import type { CloudStandIns } from './cloud-stand-ins';

/** The radios of the add dialog's "Cloud" group, which also title the dialog ("Add Azure account"). */
export type CloudLabel = 'AWS' | 'Google Cloud' | 'Azure' | 'OpenStack' | 'VMware';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens "Add account" and picks a cloud; resolves with the dialog once that cloud's form shows. */
export async function openAddAccount(page: Page, cloud: CloudLabel): Promise<Locator> {
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog');
  // A radio's name also carries its one-line description ("AWS Access key; …"): match the start.
  await dialog
    .getByRole('radiogroup', { name: 'Cloud' })
    .getByRole('radio', { name: new RegExp(`^${escapeRegExp(cloud)}\\b`) })
    .check();
  await expect(page.getByRole('dialog', { name: `Add ${cloud} account` })).toBeVisible();
  return dialog;
}

/** Keeps the secret in the OS keychain when one runs, else for this session only. */
export async function chooseStorage(dialog: Locator, keychain: boolean): Promise<void> {
  await dialog.getByRole('radio', { name: keychain ? 'OS keychain' : 'This session only' }).check();
}

/** Clicks "Test connection" and resolves with the result once the test is no longer running. */
export async function testConnection(dialog: Locator): Promise<Locator> {
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText(/Connection (works|failed)/, { timeout: 30_000 });
  return status;
}

/** Saves the form and waits for the dialog to close. */
export async function saveAccount(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save account' }).click();
  await expect(dialog).toBeHidden();
}

async function check(dialog: Locator, names: readonly string[]): Promise<void> {
  for (const name of names) await dialog.getByRole('checkbox', { name, exact: true }).check();
}

/** AWS: the run's key, the EC2 stand-in's endpoint, both its regions, Amazon's and Canonical's images. */
export async function fillAwsForm(dialog: Locator, name: string, clouds: CloudStandIns): Promise<void> {
  const form = dialog.getByRole('form', { name: 'AWS account' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Access key id', { exact: true }).fill(clouds.awsKey.accessKeyId);
  await form.getByLabel('Secret access key', { exact: true }).fill(clouds.awsKey.secretAccessKey);
  await form.getByLabel('Custom endpoint URL (optional)', { exact: true }).fill(clouds.aws.endpoint);
  await check(form, clouds.aws.regions);
  await check(form, ['amazon', 'Canonical (099720109477)']);
}

/** Google Cloud: the demo project, its service-account key pasted as JSON, three public projects. */
export async function fillGcpForm(dialog: Locator, name: string, clouds: CloudStandIns): Promise<void> {
  const form = dialog.getByRole('form', { name: 'Google Cloud account' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Project id', { exact: true }).fill(clouds.gcp.projectId);
  await form
    .getByRole('radiogroup', { name: 'Credential type' })
    .getByRole('radio', { name: 'Service-account key' })
    .check();
  await form.getByLabel('Service-account key JSON', { exact: true }).fill(clouds.gcp.demoKeyJson);
  await expect(form.getByText(`Key for ${clouds.gcp.serviceAccountEmail}.`)).toBeVisible();
  await form.getByLabel('Custom endpoint URL (optional)', { exact: true }).fill(clouds.gcp.endpoint);
  await check(form, ['debian-cloud', 'ubuntu-os-cloud', 'windows-cloud']);
}

/** Azure: the demo service principal, the stand-in as both Resource Manager and authority. */
export async function fillAzureForm(dialog: Locator, name: string, clouds: CloudStandIns): Promise<void> {
  const form = dialog.getByRole('form', { name: 'Azure account' });
  const { connection, secret, endpoint } = clouds.azure;
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Tenant id', { exact: true }).fill(connection.tenantId);
  await form.getByLabel('Client id', { exact: true }).fill(connection.clientId);
  await form.getByLabel('Client secret', { exact: true }).fill(secret.clientSecret);
  await form.getByLabel('Subscription id', { exact: true }).fill(connection.subscriptionId);
  await check(form, connection.locations);
  // Canonical and MicrosoftWindowsServer are ticked by default; Debian joins them.
  await check(form, ['Canonical', 'MicrosoftWindowsServer', 'Debian']);
  await check(form, ['Include managed images', 'Include Compute Gallery images']);
  await form.getByLabel('Resource Manager endpoint (optional)', { exact: true }).fill(endpoint);
  await form.getByLabel('Authority host (optional)', { exact: true }).fill(endpoint);
}

/** OpenStack: Keystone v3 of the stand-in, the demo user in the demo project, RegionOne. */
export async function fillOpenStackForm(dialog: Locator, name: string, clouds: CloudStandIns): Promise<void> {
  const form = dialog.getByRole('form', { name: 'OpenStack account' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Auth URL', { exact: true }).fill(clouds.openstack.authUrl);
  await form.getByLabel('Region', { exact: true }).fill(clouds.openstack.regions[0] ?? 'RegionOne');
  await form.getByLabel('Interface', { exact: true }).selectOption('public');
  await form
    .getByRole('radiogroup', { name: 'Authentication type' })
    .getByRole('radio', { name: 'User and password' })
    .check();
  await form.getByLabel('Username', { exact: true }).fill(OPENSTACK_SANDBOX_DEMO.username);
  await form.getByLabel('User domain', { exact: true }).fill('Default');
  await form.getByLabel('Project', { exact: true }).fill(OPENSTACK_SANDBOX_DEMO.projectName);
  await form.getByLabel('Project domain', { exact: true }).fill('Default');
  await form.getByLabel('Password', { exact: true }).fill(OPENSTACK_SANDBOX_DEMO.password);
}

/** VMware: the vCenter stand-in's URL (self-signed HTTPS) and its demo user. */
export async function fillVmwareForm(dialog: Locator, name: string, clouds: CloudStandIns): Promise<void> {
  const form = dialog.getByRole('form', { name: 'VMware account' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('vCenter URL', { exact: true }).fill(clouds.vmware.endpoint);
  await form.getByLabel('Username', { exact: true }).fill(clouds.vmware.connection.username);
  await form.getByLabel('Password', { exact: true }).fill(clouds.vmware.secret.password);
}
