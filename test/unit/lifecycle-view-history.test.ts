import { describe, expect, it } from 'vitest';
import { CaptureRequestSchema } from '@contract/index';
import {
  addressesOf,
  defaultImageName,
  failureReason,
  hasLiveServer,
  isCapturable,
  launchName,
  launchUsesMapping,
  privateCopySource,
  specRows,
  terminateBlocked,
} from '../../renderer/src/features/lifecycle/model/launch-history';
import { launch, mapping, record, server } from './lifecycle-view-fixtures';

describe('launch history rows', () => {
  it('names a launch by its spec, else its first server, else its id', () => {
    expect(launchName(launch())).toBe('web');
    expect(launchName(launch({ spec: {} }))).toBe('web');
    expect(launchName(launch({ spec: {}, servers: [] }))).toBe('launch-1');
  });

  it('lists every address once, in server order', () => {
    const entry = launch({
      servers: [
        server('a', 'running', { addresses: ['10.0.0.1', '198.51.100.7'] }),
        server('b', 'running', { addresses: ['10.0.0.2', '10.0.0.1'] }),
      ],
    });
    expect(addressesOf(entry)).toEqual(['10.0.0.1', '198.51.100.7', '10.0.0.2']);
  });

  it('gives the cloud’s reason for a failed launch, with the failed servers’ own reasons', () => {
    const failed = launch({
      state: 'failed',
      error: { code: 'cloud-error', message: 'InstanceLimitExceeded: quota of 5 reached' },
      servers: [server('web-2', 'failed', { reason: 'subnet full' })],
    });
    expect(failureReason(failed)).toBe('InstanceLimitExceeded: quota of 5 reached · web-2: subnet full');
    expect(failureReason(launch({ state: 'failed', error: null, servers: [] }))).toBe(
      'The cloud gave no reason.',
    );
    expect(failureReason(launch())).toBeNull();
  });

  it('offers Terminate only while a server still exists', () => {
    expect(terminateBlocked(launch())).toBeNull();
    expect(terminateBlocked(launch({ servers: [server('a', 'stopped')] }))).toBeNull();
    expect(terminateBlocked(launch({ state: 'terminated', servers: [server('a', 'terminated')] }))).toBe(
      'Its servers are already terminated.',
    );
    expect(terminateBlocked(launch({ state: 'failed', servers: [] }))).toBe(
      'No server of this launch was started.',
    );
    expect(hasLiveServer(launch({ servers: [server('a', 'failed'), server('b', 'terminated')] }))).toBe(
      false,
    );
  });

  it('captures only from running servers the cloud knows by id', () => {
    expect(isCapturable(server('a', 'running'))).toBe(true);
    expect(isCapturable(server('a', 'running', { serverId: null }))).toBe(false);
    expect(isCapturable(server('a', 'building'))).toBe(false);
  });

  it('keeps the spec rows in main’s order', () => {
    expect(specRows(launch()).map(([label]) => label)).toEqual(['Name', 'Count', 'Image']);
  });
});

describe('the private copy source', () => {
  const vendor = mapping();
  const other = mapping({ id: 'map-2', location: 'eu-west-1', cloudImageId: 'ami-0eu' });

  it('matches launches by account, image and location; GCE launches are zonal, its images global', () => {
    expect(launchUsesMapping(launch(), vendor)).toBe(true);
    expect(launchUsesMapping(launch({ location: 'us-west-2' }), vendor)).toBe(false);
    const gce = mapping({ cloud: 'gcp', location: 'global', cloudImageId: 'ubuntu-2204' });
    expect(
      launchUsesMapping(launch({ cloud: 'gcp', location: 'europe-west1-b', imageId: 'ubuntu-2204' }), gce),
    ).toBe(true);
  });

  it('finds a running server from one of the record’s images, preferring the warned mapping', () => {
    const euLaunch = launch({
      id: 'launch-eu',
      location: 'eu-west-1',
      imageId: 'ami-0eu',
      servers: [server('eu', 'running')],
    });
    const usLaunch = launch({ id: 'launch-us', servers: [server('us', 'running')] });
    const found = privateCopySource(record([vendor, other]), [euLaunch, usLaunch], vendor);
    expect(found?.launch.id).toBe('launch-us');
    expect(found?.server.serverId).toBe('i-us');
    expect(privateCopySource(record([vendor, other]), [euLaunch, usLaunch])?.launch.id).toBe('launch-eu');
  });

  it('finds nothing without a running server of the record’s images', () => {
    const stopped = launch({ servers: [server('web', 'stopped')] });
    const elsewhere = launch({ imageId: 'ami-unrelated' });
    expect(privateCopySource(record([vendor]), [stopped, elsewhere])).toBeNull();
    expect(privateCopySource(record([]), [launch()])).toBeNull();
  });
});

describe('the default image name', () => {
  const now = new Date('2025-03-04T12:00:00Z');
  const valid = (name: string) => CaptureRequestSchema.shape.name.safeParse(name).success;

  it('is the server’s name, cleaned to what clouds accept, and dated', () => {
    expect(defaultImageName('web', now)).toBe('web-capture-20250304');
    expect(defaultImageName('Web Server #1', now)).toBe('web-server-1-capture-20250304');
    expect(defaultImageName('__', now)).toBe('server-capture-20250304');
  });

  it('always passes the contract’s own name rule, even for very long names', () => {
    for (const name of ['x'.repeat(200), '-.-', 'a'.repeat(44) + '.-.-.-.-', 'ÄÖÜ']) {
      const made = defaultImageName(name, now);
      expect(made.length).toBeLessThanOrEqual(63);
      expect(valid(made), made).toBe(true);
    }
  });
});
