import { afterAll, beforeAll, describe } from 'vitest';
import type { ComputeDriver, LaunchSpec } from '../../main/providers/compute-driver';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { startVmwareSandbox, type VmwareSandbox } from '../../main/sandbox/vmware';
import { startVcsim } from '../support/vcsim';
import { reportGuestAddress } from '../support/vcsim-guest';
import { describeComputeContract, type ComputeSuiteTarget } from './shared/compute-contract-suite';

/**
 * The shared compute suite on VMware, four times: deploying a VM template (CloneVM_Task) and a
 * content library vm-template item, against govmomi's vcsim (its `/rest` deploy) and against the
 * `/api` stand-in (its `/api` deploy), whose tasks take time and whose guests boot and report an
 * address after a short delay.
 *
 * vcsim has no guests, so nothing in it ever reports an IP address: after each launch the test
 * plays the guests' VMware Tools and reports one (test/support/vcsim-guest.ts). Everything else
 * (the clone, the deploy, reconfigure, power on, destroy, clone to template) is vcsim's own.
 */
const vcsim = await startVcsim();
if ('skipReason' in vcsim) console.log(`vmware compute contract on vcsim skipped: ${vcsim.skipReason}`);
let sandbox: VmwareSandbox;
const targets: Record<'clone' | 'library' | 'standIn' | 'standInLibrary', ComputeSuiteTarget | null> = {
  clone: null,
  library: null,
  standIn: null,
  standInLibrary: null,
};

const breakSpec = (spec: LaunchSpec): LaunchSpec => ({ ...spec, computeResource: 'no-such-cluster' });
const refusal = /not found|network|resource/i;

/** A compute driver whose launches are followed by the guests reporting their addresses. */
function withBootingGuests(compute: ComputeDriver, report: (moid: string) => Promise<void>): ComputeDriver {
  return Object.assign(Object.create(compute) as ComputeDriver, {
    launch: async (spec: LaunchSpec, signal?: AbortSignal) => {
      const result = await compute.launch(spec, signal);
      await Promise.all(result.serverIds.map(report));
      return result;
    },
  });
}

beforeAll(async () => {
  sandbox = await startVmwareSandbox({
    referenceDate: new Date('2025-06-01T00:00:00Z'),
    compute: { taskMs: 40, bootMs: 120 },
  });
  const standIn = vmwareProvider.createComputeDriver!(sandbox.connection, sandbox.secret, {
    pollIntervalMs: 20,
  });
  const images = vmwareProvider.createDriver(sandbox.connection, sandbox.secret);
  const template = sandbox.seed.vms.find((vm) => vm.template && vm.name.startsWith('tmpl-ubuntu-22.04'));
  const network = (await standIn.listNetworks('127.0.0.1')).find((n) => n.name.startsWith('pg-app-vlan110'));
  targets.standIn = {
    compute: standIn,
    images,
    location: '127.0.0.1',
    spec: baseSpec(String(template?.moid), 'cpu2-mem4096', network?.id ?? null),
    breakSpec,
    refusal,
    timeoutMs: 10_000,
  };
  const item = sandbox.seed.items.find((i) => i.type === 'vm-template' && i.name.startsWith('debian-12'));
  targets.standInLibrary = {
    ...targets.standIn,
    spec: baseSpec(String(item?.id), 'cpu1-mem1024', network?.id ?? null),
  };

  if ('skipReason' in vcsim) return;
  const connection = { url: vcsim.url, username: vcsim.username };
  const secret = { password: vcsim.password };
  const location = new URL(vcsim.url).host;
  const catalog = vmwareProvider.createDriver(connection, secret);
  const compute = vmwareProvider.createComputeDriver!(connection, secret, { pollIntervalMs: 20 });
  let guest = 10;
  const booting = withBootingGuests(compute, (moid) =>
    reportGuestAddress(vcsim, moid, `10.0.0.${(guest += 1)}`),
  );
  const networks = await compute.listNetworks(location);
  const dc0 = networks.find((n) => n.name === 'DC0_DVPG0 (DC0)');
  const templates = await catalog.listImages({ location, owner: 'templates' }, () => undefined);
  const items = await catalog.listImages({ location, owner: 'content-libraries' }, () => undefined);
  const common = { compute: booting, images: catalog, location, breakSpec, refusal, timeoutMs: 10_000 };
  targets.clone = {
    ...common,
    spec: baseSpec(
      String(templates.find((i) => i.name === 'ubuntu-22.04-server-tmpl')?.cloudId),
      'cpu4-mem8192',
      dc0?.id ?? null,
    ),
  };
  targets.library = {
    ...common,
    spec: baseSpec(
      String(items.find((i) => i.name === 'ubuntu-24.04-golden')?.cloudId),
      'cpu2-mem4096',
      dc0?.id ?? null,
    ),
  };
});

afterAll(async () => {
  await Promise.all([sandbox?.stop(), 'skipReason' in vcsim ? null : vcsim.stop()]);
});

function baseSpec(
  imageId: string,
  flavorId: string,
  networkId: string | null,
): Omit<LaunchSpec, 'name' | 'count'> {
  return {
    location: 'vcenter',
    imageId,
    flavorId,
    networkId,
    subnetId: null,
    publicIp: false,
    securityGroupIds: [],
    keyName: null,
    publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHangarSuiteKeyOnlyForTests suite@hangar',
    volumes: [],
    userData: '#cloud-config\npackages: [nginx]\n',
    tags: { team: 'platform' },
    computeResource: null,
  };
}

describeComputeContract('vmware /api stand-in template clone', () => targets.standIn as ComputeSuiteTarget);
describeComputeContract(
  'vmware /api stand-in library deploy',
  () => targets.standInLibrary as ComputeSuiteTarget,
);

describe.skipIf('skipReason' in vcsim)('on vcsim', () => {
  describeComputeContract('vmware vcsim template clone', () => targets.clone as ComputeSuiteTarget);
  describeComputeContract('vmware vcsim library deploy', () => targets.library as ComputeSuiteTarget);
});
