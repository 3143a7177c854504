import { expect } from 'vitest';
import type { LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError } from '../../main/providers/driver';
import { startAzureSandbox, type AzureSandbox } from '../../main/sandbox/azure';

/** Short stand-in delays: every state change still takes several polls to be seen. */
export const FAST_COMPUTE = {
  vmBuildMs: 400,
  vmDeleteMs: 200,
  vmPowerMs: 150,
  networkMs: 120,
  imageMs: 300,
  galleryMs: 250,
} as const;

/** How often the driver polls operations in tests (well under every delay above). */
export const TEST_POLL_MS = 20;

/** A generated OpenSSH ed25519 public key (no private half exists anywhere). */
export const TEST_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGeneratedForHangarTestsOnlyNotARealKey0000 hangar-test';

export function startComputeSandbox(): Promise<AzureSandbox> {
  return startAzureSandbox({ locations: ['westeurope', 'eastus'], computeDelays: FAST_COMPUTE });
}

/** A Linux Marketplace image the stand-in serves: Canonical's newest version of its first SKU. */
export function canonicalUrn(sandbox: AzureSandbox): string {
  const publisher = sandbox.catalog.publisher('Canonical');
  const offer = [...(publisher?.offers.values() ?? [])][0];
  const sku = [...(offer?.skus.values() ?? [])][0];
  const version = sku?.versions.at(-1);
  if (!version) throw new Error('the stand-in has no Canonical image');
  return `${version.publisher}:${version.offer}:${version.sku}:${version.version}`;
}

export function networkIds(sandbox: AzureSandbox, location: string) {
  const group = `/subscriptions/${sandbox.connection.subscriptionId}/resourceGroups/rg-network-${location}`;
  const vnet = `${group}/providers/Microsoft.Network/virtualNetworks/vnet-hub-${location}`;
  return {
    vnet,
    subnet: `${vnet}/subnets/snet-app`,
    nsg: `${group}/providers/Microsoft.Network/networkSecurityGroups/nsg-web-${location}`,
  };
}

/** A launch the stand-in accepts: a small Linux VM with a public IP, a data disk and user data. */
export function launchSpecFor(sandbox: AzureSandbox, name: string): LaunchSpec {
  const ids = networkIds(sandbox, 'westeurope');
  return {
    location: 'westeurope',
    imageId: canonicalUrn(sandbox),
    flavorId: 'Standard_B2s',
    networkId: ids.vnet,
    subnetId: ids.subnet,
    publicIp: true,
    securityGroupIds: [ids.nsg],
    keyName: null,
    publicKey: TEST_PUBLIC_KEY,
    volumes: [{ sizeGb: 64, type: 'Premium_LRS', encrypted: true, kmsKeyId: null }],
    userData: '#cloud-config\npackage_update: true\n',
    name,
    count: 1,
    tags: { team: 'qa', 'billing-code': 'QA-1234' },
    computeResource: null,
  };
}

/** Polls `probe` until it returns a value (never a fixed sleep: the state decides). */
export async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The CloudError a call must fail with. */
export async function refusal(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}
