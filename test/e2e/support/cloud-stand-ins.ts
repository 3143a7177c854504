import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEc2Sandbox, type Ec2Sandbox } from '../../../main/sandbox';
import { startAzureSandbox, type AzureSandbox } from '../../../main/sandbox/azure';
import { startGcpSandbox, type GcpSandbox } from '../../../main/sandbox/gcp';
import {
  OPENSTACK_SANDBOX_DEMO,
  startOpenStackSandbox,
  type OpenStackSandbox,
} from '../../../main/sandbox/openstack';
import {
  startVmwareSandbox,
  VSPHERE_SANDBOX_DEMO_CREDENTIAL,
  type VmwareSandbox,
} from '../../../main/sandbox/vmware';

/** An AWS key made for this run; it opens only the EC2 stand-in below. */
export interface AwsTestKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** One running stand-in per cloud, in the test process, plus what the browser host needs to reach them. */
export interface CloudStandIns {
  aws: Ec2Sandbox;
  awsKey: AwsTestKey;
  gcp: GcpSandbox;
  azure: AzureSandbox;
  openstack: OpenStackSandbox;
  vmware: VmwareSandbox;
  /** The Azure stand-in's CA as a PEM file, for the host's NODE_EXTRA_CA_CERTS. */
  azureCaFile: string;
  /**
   * Strings that must never reach a file Hangar writes: the AWS secret key, every line of the GCP
   * private key's base64 body (a line survives JSON escaping, the whole PEM would not), the Azure
   * client secret, the OpenStack password and the vCenter password.
   */
  secrets: { label: string; value: string }[];
  /** Stops every stand-in that is still running (safe to call twice). */
  stopAll(): Promise<void>;
}

/** The full base64 lines of a PEM's body (a short last line could match anything by chance). */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 48 && !line.startsWith('-----'));
}

/**
 * Starts the five stand-ins on free loopback ports. The host runs in another process, so the
 * Azure CA (which the stand-in registers only in this process) is written to a temp file for
 * the host's NODE_EXTRA_CA_CERTS; VMware's self-signed certificate is left untrusted on purpose,
 * for the UI's "Trust this certificate" flow.
 */
export async function startCloudStandIns(): Promise<CloudStandIns> {
  const awsKey: AwsTestKey = {
    accessKeyId: `AKIAE2E${randomBytes(7).toString('hex').toUpperCase().slice(0, 13)}`,
    secretAccessKey: `e2e-five-clouds-${randomBytes(16).toString('hex')}`,
  };
  const stops: (() => Promise<void>)[] = [];
  const tempDir = await mkdtemp(join(tmpdir(), 'hangar-e2e-ca-'));
  stops.push(() => rm(tempDir, { recursive: true, force: true }));
  const stopAll = async (): Promise<void> => {
    const pending = stops.splice(0);
    // Each stop runs once; one that throws must not keep the others running.
    await Promise.allSettled(pending.map((stop) => stop()));
  };
  try {
    const aws = await startEc2Sandbox({
      credentials: [{ ...awsKey, allowDescribeImages: true }],
      regions: ['us-east-1', 'eu-west-1'],
    });
    stops.push(() => aws.stop());
    const gcp = await startGcpSandbox();
    stops.push(() => gcp.stop());
    const azure = await startAzureSandbox();
    stops.push(() => azure.stop());
    const openstack = await startOpenStackSandbox({ port: 0 });
    stops.push(() => openstack.stop());
    // The demo password ("hangar-sandbox-demo") is also the GCP demo project's name, so a scan
    // for it would match every GCP shard: the vCenter user gets a password made for this run.
    const vmware = await startVmwareSandbox({
      users: [
        { ...VSPHERE_SANDBOX_DEMO_CREDENTIAL, password: `e2e-vcenter-${randomBytes(12).toString('hex')}` },
      ],
    });
    stops.push(() => vmware.stop());

    const azureCaFile = join(tempDir, 'azure-stand-in-ca.pem');
    await writeFile(azureCaFile, azure.caCertPem);
    const gcpKey = JSON.parse(gcp.demoKeyJson) as { private_key: string };
    const secrets = [
      { label: 'AWS secret access key', value: awsKey.secretAccessKey },
      ...pemBodyLines(gcpKey.private_key).map((value, index) => ({
        label: `GCP private key line ${index + 1}`,
        value,
      })),
      { label: 'Azure client secret', value: azure.secret.clientSecret },
      { label: 'OpenStack password', value: OPENSTACK_SANDBOX_DEMO.password },
      { label: 'vCenter password', value: vmware.secret.password },
    ];
    return { aws, awsKey, gcp, azure, openstack, vmware, azureCaFile, secrets, stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
