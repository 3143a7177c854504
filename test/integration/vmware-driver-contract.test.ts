import { afterAll, beforeAll, describe, it } from 'vitest';
import type { VmwareConnection, VmwareSecret } from '@contract/index';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { startVmwareSandbox, type VmwareSandbox, type VsphereFault } from '../../main/sandbox/vmware';
import { startVcsim } from '../support/vcsim';
import {
  describeDriverContract,
  type DriverSuiteTarget,
  type FaultKind,
} from './shared/driver-contract-suite';

/**
 * The shared driver suite, four times: against govmomi's real vCenter simulator (the `/rest`
 * flavour and the vim25 SOAP API; it cannot inject faults) and against the `/api` stand-in
 * (HTTPS with a pinned certificate, every fault). vSphere lists do not page: a "page" is one list
 * request (the library list, then one item list per library; for templates one PropertyCollector
 * page, which the stand-in really pages by `maxObjects` and vcsim answers per datacenter).
 */
type Target = DriverSuiteTarget<VmwareConnection, VmwareSecret>;

/** Well formed ids that name nothing: a library item id and a VM moid. */
const MISSING_ITEM = '6c1f0e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
const MISSING_VM = 'vm-987654';

// Started at collection time so a missing toolchain can skip (outside CI) with its reason.
const vcsim = await startVcsim();
let sandbox: VmwareSandbox;
const standIn: { libraries?: Target; templates?: Target } = {};

/** How each suite fault is served by the stand-in (see vsphere-faults.ts for the paging ones). */
const FAULTS: Record<FaultKind, VsphereFault> = {
  latency: { kind: 'latency', ms: 300 },
  'throttle-429': { kind: 'throttle-429', times: 2 },
  'unavailable-503': { kind: 'unavailable-503', times: 2 },
  'malformed-body': { kind: 'malformed-body' },
  'truncated-page': { kind: 'truncated-body' },
  'repeated-page-token': { kind: 'repeated-listing' },
};

beforeAll(async () => {
  sandbox = await startVmwareSandbox({ referenceDate: new Date('2025-06-01T00:00:00Z') });
  const base = {
    provider: vmwareProvider,
    connection: sandbox.connection,
    secret: sandbox.secret,
    wrongSecret: { password: 'not-the-sandbox-password' },
    unreachable: { ...sandbox.connection, url: 'https://127.0.0.1:9' },
    injectFault: (kind: FaultKind) => sandbox.faults.add(FAULTS[kind]),
    clearFaults: () => sandbox.faults.clear(),
  };
  const { items, vms } = sandbox.seed;
  standIn.libraries = {
    ...base,
    scope: { location: '127.0.0.1', owner: 'content-libraries' },
    minImages: 60,
    pageSize: 10,
    lookup: {
      existingId: items.find((item) => item.type === 'vm-template')?.id ?? '',
      missingId: MISSING_ITEM,
      location: '127.0.0.1',
    },
  };
  standIn.templates = {
    ...base,
    scope: { location: '127.0.0.1', owner: 'templates' },
    minImages: 50,
    pageSize: 10,
    lookup: {
      existingId: vms.find((vm) => vm.template)?.moid ?? '',
      missingId: MISSING_VM,
      location: '127.0.0.1',
    },
  };
});

afterAll(async () => {
  await sandbox?.stop();
  if (!('skipReason' in vcsim)) await vcsim.stop();
});

describeDriverContract('vmware /api stand-in, content libraries', () => standIn.libraries as Target);
describeDriverContract('vmware stand-in, VM templates over SOAP', () => standIn.templates as Target);

if ('skipReason' in vcsim) {
  describe('vmware vcsim', () => {
    it.skip(`skipped: ${vcsim.skipReason}`, () => undefined);
  });
  console.log(`vmware vcsim suites skipped: ${vcsim.skipReason}`);
} else {
  const connection: VmwareConnection = { url: vcsim.url, username: vcsim.username };
  const base = {
    provider: vmwareProvider,
    connection,
    secret: { password: vcsim.password },
    wrongSecret: { password: 'not-the-vcsim-password' },
    unreachable: { ...connection, url: 'http://127.0.0.1:9' },
  };
  const location = new URL(vcsim.url).host;
  // vcsim mints its ids at start-up: take one of each kind by the name main.go gave it.
  const ids = { item: '', template: '' };
  beforeAll(async () => {
    const driver = vmwareProvider.createDriver(connection, base.secret);
    const named = async (owner: string, name: string): Promise<string> => {
      const images = await driver.listImages({ location, owner }, () => undefined);
      const id = images.find((image) => image.name === name)?.cloudId;
      if (!id) throw new Error(`vcsim lists no ${name} under ${owner}`);
      return id;
    };
    ids.item = await named('content-libraries', 'ubuntu-24.04-golden');
    ids.template = await named('templates', 'rhel-9.3-base-tmpl');
  });
  describeDriverContract('vmware vcsim /rest, content libraries', () => ({
    ...base,
    scope: { location, owner: 'content-libraries' },
    minImages: vcsim.items,
    pageSize: 10,
    lookup: { existingId: ids.item, missingId: MISSING_ITEM, location },
  }));
  describeDriverContract('vmware vcsim, VM templates over SOAP', () => ({
    ...base,
    scope: { location, owner: 'templates' },
    minImages: vcsim.templates,
    pageSize: 10,
    lookup: { existingId: ids.template, missingId: MISSING_VM, location },
  }));
}
