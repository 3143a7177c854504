import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { startEc2Sandbox } from '../../../main/sandbox';
import { AZURE_SANDBOX_DEMO, startAzureSandbox } from '../../../main/sandbox/azure';
import { startGcpSandbox } from '../../../main/sandbox/gcp';
import { SANDBOX_PROJECTS, startOpenStackSandbox } from '../../../main/sandbox/openstack';
import { startVmwareSandbox, VSPHERE_SANDBOX_DEMO_CREDENTIAL } from '../../../main/sandbox/vmware';
import { pemBodyLines, type CloudStandIns } from './cloud-stand-ins';
import { needlesFor, type Needle } from './leak-scan';

/** "LEAKCHECK-aws-<32 hex>": unmistakable wherever it turns up. */
export const leakSecret = (cloud: string): string => `LEAKCHECK-${cloud}-${randomBytes(16).toString('hex')}`;

/** The five stand-ins, each opened only by a secret made for this run, and the strings to hunt. */
export interface LeakStandIns {
  clouds: CloudStandIns;
  /** A Keystone user of the demo project whose password is this run's. */
  openstackUser: { username: string; password: string };
  /** Every secret (and a slice of each) handed to Hangar so far. */
  needles: Needle[];
  /** Changes the OpenStack user's password at the cloud, as an admin would; returns the new one. */
  rotateOpenStackPassword(): string;
}

/**
 * Like startCloudStandIns, but no cloud accepts a fixed demo secret: AWS, Azure, OpenStack and
 * vCenter take LEAKCHECK-… secrets, and the GCP key pair is minted by this start.
 */
export async function startLeakStandIns(): Promise<LeakStandIns> {
  const awsKey = {
    accessKeyId: `AKIALEAK${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: leakSecret('aws'),
  };
  const stops: (() => Promise<void>)[] = [];
  const tempDir = await mkdtemp(join(tmpdir(), 'hangar-e2e-leak-'));
  stops.push(() => rm(tempDir, { recursive: true, force: true }));
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(stops.splice(0).map((stop) => stop()));
  };
  try {
    const aws = await startEc2Sandbox({
      credentials: [{ ...awsKey, allowDescribeImages: true }],
      regions: ['us-east-1', 'eu-west-1'],
    });
    stops.push(() => aws.stop());
    const gcp = await startGcpSandbox();
    stops.push(() => gcp.stop());
    const azure = await startAzureSandbox({
      principals: [
        {
          tenantId: AZURE_SANDBOX_DEMO.tenantId,
          clientId: AZURE_SANDBOX_DEMO.clientId,
          clientSecret: leakSecret('azure'),
        },
      ],
    });
    stops.push(() => azure.stop());
    const openstack = await startOpenStackSandbox({ port: 0 });
    stops.push(() => openstack.stop());
    const keystoneUser = openstack.identity.addUser('leakcheck', leakSecret('openstack'), {
      [SANDBOX_PROJECTS.demo.id]: ['member', 'reader'],
    });
    const vmware = await startVmwareSandbox({
      users: [{ ...VSPHERE_SANDBOX_DEMO_CREDENTIAL, password: leakSecret('vmware') }],
    });
    stops.push(() => vmware.stop());

    const azureCaFile = join(tempDir, 'azure-stand-in-ca.pem');
    await writeFile(azureCaFile, azure.caCertPem);
    const gcpKey = JSON.parse(gcp.demoKeyJson) as { private_key: string };
    const gcpLines = pemBodyLines(gcpKey.private_key);
    const needles = [
      ...needlesFor('AWS secret access key', awsKey.secretAccessKey),
      ...gcpLines.flatMap((line, i) => needlesFor(`GCP private key line ${i + 1}`, line)),
      // The key as it sits in JSON, line breaks escaped: a copy of the key file would hold this.
      ...needlesFor('GCP private key (JSON-escaped)', JSON.stringify(gcpKey.private_key).slice(1, -1)),
      ...needlesFor('Azure client secret', azure.secret.clientSecret),
      ...needlesFor('OpenStack password', keystoneUser.password),
      ...needlesFor('vCenter password', vmware.secret.password),
    ];
    const clouds: CloudStandIns = {
      aws,
      awsKey,
      gcp,
      azure,
      openstack,
      vmware,
      azureCaFile,
      secrets: needles,
      stopAll,
    };
    return {
      clouds,
      openstackUser: { username: keystoneUser.name, password: keystoneUser.password },
      needles,
      rotateOpenStackPassword() {
        keystoneUser.password = leakSecret('openstack-rotated');
        needles.push(...needlesFor('OpenStack rotated password', keystoneUser.password));
        return keystoneUser.password;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The OpenStack form filled by fillOpenStackForm, then switched to this run's Keystone user. */
export async function useOpenStackUser(
  dialog: Locator,
  user: { username: string; password: string },
): Promise<void> {
  const form = dialog.getByRole('form', { name: 'OpenStack account' });
  await form.getByLabel('Username', { exact: true }).fill(user.username);
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await expect(form.getByLabel('Username', { exact: true })).toHaveValue(user.username);
}
