import { afterAll, beforeAll, describe, it } from 'vitest';
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import { openstackProvider } from '../../main/providers/openstack/openstack-provider';
import {
  startOpenStackSandbox,
  type OpenStackFault,
  type OpenStackSandbox,
} from '../../main/sandbox/openstack';
import { openStackUnavailable, startOpenStack, type OpenStackServers } from '../support/openstack-servers';
import { seedGlance, type SeededCloud } from '../support/openstack/seed-glance';
import {
  describeDriverContract,
  type DriverSuiteTarget,
  type FaultKind,
} from './shared/driver-contract-suite';
import { describeRealGlanceChecks } from '../support/openstack/real-glance-checks';

type Target = DriverSuiteTarget<OpenStackConnection, OpenStackSecret>;

// Decided at collection time; on CI (CI=true) missing packages throw here instead of skipping.
const unavailable = openStackUnavailable();
let sandbox: OpenStackSandbox;
let servers: OpenStackServers | null = null;
let seeded: SeededCloud;
let standIn: Target;
let real: Target;

const faultsFor: Record<FaultKind, OpenStackFault[]> = {
  latency: [{ kind: 'latency', ms: 300 }],
  // Honours Retry-After once (1 s), then a bare 429 backs off on its own.
  'throttle-429': [
    { kind: 'throttle-429', retryAfter: '1' },
    { kind: 'throttle-429', retryAfter: '0' },
  ],
  'unavailable-503': [{ kind: 'unavailable-503', times: 2 }],
  'malformed-body': [{ kind: 'malformed-body' }],
  'truncated-page': [{ kind: 'truncated-page' }],
  'repeated-page-token': [{ kind: 'repeated-marker' }],
};

/** Well formed, and in neither cloud. */
const MISSING_ID = '0b9e3c52-6f1d-4a7e-8c2b-5d4f3e2a1c90';

function hiddenPublicImage(standIn: OpenStackSandbox): string {
  const image = standIn.images
    .get('RegionOne')
    ?.find((candidate) => candidate.wire.os_hidden && candidate.wire.visibility === 'public');
  if (!image) throw new Error('the stand-in seed has no hidden public image in RegionOne');
  return image.wire.id;
}

beforeAll(async () => {
  sandbox = await startOpenStackSandbox({ referenceDate: new Date('2026-06-01T12:00:00Z') });
  standIn = {
    provider: openstackProvider,
    connection: sandbox.connection,
    secret: sandbox.secret,
    scope: { location: 'RegionOne', owner: 'images' },
    minImages: 120,
    pageSize: 50,
    wrongSecret: { kind: 'password', password: 'not-the-sandbox-password' },
    unreachable: { ...sandbox.connection, authUrl: 'http://127.0.0.1:9/identity/v3' },
    injectFault: (kind) => faultsFor[kind].forEach((fault) => sandbox.faults.add(fault)),
    clearFaults: () => sandbox.faults.clear(),
    // A public image its owner hid (os_hidden): only the second listing pass and GET by id see it.
    lookup: { existingId: hiddenPublicImage(sandbox), missingId: MISSING_ID, location: 'RegionOne' },
  };
  if (unavailable) return;

  const started = await startOpenStack();
  if ('skipReason' in started) throw new Error(started.skipReason);
  servers = started;
  console.log(`real Keystone + Glance up in ${servers.startupMs} ms`, servers.phasesMs);
  const seeding = Date.now();
  seeded = await seedGlance(servers);
  console.log(
    `seeded ${seeded.visible.length + seeded.invisible.length} images through Glance in ${Date.now() - seeding} ms`,
  );
  const connection: OpenStackConnection = {
    authUrl: servers.authUrl,
    region: servers.region,
    interface: 'public',
    authType: 'password',
    username: seeded.demo.user,
    // Blank domains: the driver must fall back to Keystone's "Default" domain.
    userDomainName: '',
    projectName: seeded.demo.project,
    projectDomainName: '',
  };
  real = {
    provider: openstackProvider,
    connection,
    secret: { kind: 'password', password: seeded.demo.password },
    scope: { location: servers.region, owner: 'images' },
    minImages: 30,
    pageSize: 7,
    wrongSecret: { kind: 'password', password: 'not-the-demo-password' },
    unreachable: { ...connection, authUrl: 'http://127.0.0.1:9/v3' },
    // A deactivated image: Glance still shows it, with that status, in the list and by id.
    lookup: { existingId: seeded.deactivated[0] ?? '', missingId: MISSING_ID, location: servers.region },
    // Real Keystone and Glance cannot be told to misbehave; the stand-in covers the faults.
  };
}, 180_000);

afterAll(async () => {
  await sandbox?.stop();
  await servers?.stop();
});

describeDriverContract('openstack stand-in', () => standIn);

if (unavailable) {
  describe('openstack real Keystone + Glance', () => {
    it.skip(`skipped: ${unavailable}`, () => undefined);
  });
  console.log(`openstack real Keystone + Glance skipped: ${unavailable}`);
} else {
  describeDriverContract('openstack real Keystone + Glance', () => real);
  describeRealGlanceChecks(() => ({ servers: servers as OpenStackServers, seeded, target: real, sandbox }));
}
