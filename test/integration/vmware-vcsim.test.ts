import { afterAll, describe, expect, it } from 'vitest';
import type { VmwareConnection } from '@contract/index';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { startVcsim } from '../support/vcsim';

/**
 * What only the real simulator shows: a vCenter without `/api` (the driver falls back to
 * `/rest`), VM templates next to ordinary VMs, and content library items created through
 * govmomi's own vAPI client (test/support/vcsim/main.go).
 */
const vcsim = await startVcsim();
if ('skipReason' in vcsim) console.log(`vmware vcsim tests skipped: ${vcsim.skipReason}`);

describe.skipIf('skipReason' in vcsim)('vmware driver against vcsim', () => {
  const sim = vcsim as Exclude<typeof vcsim, { skipReason: string }>;
  const connection: VmwareConnection = { url: sim.url, username: sim.username };
  const driver = () => vmwareProvider.createDriver(connection, { password: sim.password });
  const location = 'url' in vcsim ? new URL(vcsim.url).host : '';

  afterAll(async () => {
    await sim.stop();
  });

  it('falls back to the /rest API when /api is absent', async () => {
    const check = await driver().testConnection(location);
    expect(check).toMatchObject({ ok: true, code: 'ok' });
    expect(check.message).toContain('the older /rest API');
    expect(check.message).toContain(`${sim.libraries} content libraries`);
  });

  it('lists VMs marked as templates in both datacenters, and no ordinary VM', async () => {
    const images = await driver().listImages({ location, owner: 'templates' }, () => undefined);
    expect(images).toHaveLength(sim.templates);
    expect(new Set(images.map((i) => i.ownerAlias))).toEqual(new Set(['DC0', 'DC1']));
    // The simulator's own VMs (DC0_H0_VM0 …) and the seed's source VMs are not templates.
    expect(images.some((i) => /_VM\d|-source$/.test(i.name))).toBe(false);
    const byName = new Map(images.map((i) => [i.name, i]));
    expect(byName.get('win2022-dc-tmpl')).toMatchObject({
      osFamily: 'windows',
      osVersion: '2022',
      osRaw: 'windows2019srvNext_64Guest',
    });
    expect(byName.get('rhel-9.3-base-tmpl')).toMatchObject({
      osFamily: 'rhel',
      osVersion: '9.3',
      description: 'RHEL 9.3 minimal, registered with Satellite',
    });
    expect(byName.get('debian-11-tmpl')?.fields).toEqual(
      expect.arrayContaining([
        { label: 'Datacenter', value: 'DC1' },
        { label: 'Cluster', value: 'DC1_C0' },
        { label: 'Memory', value: '2 GiB' },
      ]),
    );
    // vcsim 0.24 keeps no config.createDate.
    expect(images.every((i) => i.createdAt === null)).toBe(true);
  });

  it('lists vm-template and ovf library items of every library', async () => {
    const images = await driver().listImages({ location, owner: 'content-libraries' }, () => undefined);
    expect(images).toHaveLength(sim.items);
    expect(new Set(images.map((i) => i.ownerAlias))).toEqual(new Set(['Golden Images', 'OVF Appliances']));
    const kinds = new Set(images.map((i) => i.fields.find((f) => f.label === 'Kind')?.value));
    expect(kinds).toEqual(new Set(['Content library VM template', 'Content library OVF template']));
    expect(images.find((i) => i.name === 'windows-2019-golden')).toMatchObject({
      osFamily: 'windows',
      osVersion: '2019',
    });
    for (const image of images) expect(Number.isNaN(Date.parse(image.createdAt ?? ''))).toBe(false);
  });
});
