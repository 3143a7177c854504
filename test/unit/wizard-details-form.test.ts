import { describe, expect, it } from 'vitest';
import {
  DetailsFormSchema,
  emptyDetails,
  parseDetails,
  prefillDetails,
  recordNameFrom,
  type DetailsValues,
} from '../../renderer/src/features/wizard/model/details-form';
import { foundLookup } from './wizard-fixtures';

const valid: DetailsValues = {
  ...emptyDetails(),
  name: '  Ubuntu 24.04 web  ',
  osFamily: 'FreeBSD',
  osVersion: '  14.1   RELEASE ',
  sizeGb: '30',
  tags: 'team=web, tier = gold\nowner=ops=core',
  labelColor: 'teal',
  access: 'public',
};

describe('the details form', () => {
  it('parses inputs into the record the contract expects', () => {
    expect(parseDetails(valid)).toEqual({
      name: 'Ubuntu 24.04 web',
      alias: '',
      version: '',
      description: '',
      osFamily: 'freebsd',
      osVersion: '14.1 RELEASE',
      architecture: 'x86_64',
      sizeGb: 30,
      agentInstalled: false,
      labelColor: 'teal',
      tags: { team: 'web', tier: 'gold', owner: 'ops=core' },
      access: 'public',
    });
    expect(parseDetails({ ...valid, sizeGb: ' ' })?.sizeGb).toBeNull();
  });

  it('reports every wrong field at once, each at its own path', () => {
    const parsed = DetailsFormSchema.safeParse({
      ...valid,
      name: '',
      osFamily: '',
      osVersion: '',
      sizeGb: '2.5',
      tags: 'team',
    });
    expect(parsed.success).toBe(false);
    const paths = [...new Set(parsed.error?.issues.map((issue) => issue.path.join('.')))].sort();
    expect(paths).toEqual(['name', 'osFamily', 'osVersion', 'sizeGb', 'tags']);
    // The first message per field is the one the form shows.
    const byPath = Object.fromEntries(
      [...(parsed.error?.issues ?? [])].reverse().map((i) => [i.path.join('.'), i.message]),
    );
    expect(byPath.name).toBe('give the image a name');
    expect(byPath.osFamily).toBe('choose an OS family from the list');
    expect(byPath.tags).toContain('is not key=value');
  });

  it("uses main's rules for names, sizes and tags", () => {
    expect(parseDetails({ ...valid, name: 'web (v2)' })).toBeNull();
    expect(parseDetails({ ...valid, sizeGb: '0' })).toBeNull();
    expect(parseDetails({ ...valid, sizeGb: '65537' })).toBeNull();
    expect(parseDetails({ ...valid, tags: 'aws:team=web' })).toBeNull();
    expect(parseDetails({ ...valid, tags: 'Env=a, env=b' })).toBeNull();
  });
});

describe('pre-filling from a lookup', () => {
  it('makes a valid record name out of any image name', () => {
    expect(recordNameFrom('Windows_Server-2022-English-Full-Base-2024.02.14')).toBe(
      'Windows_Server-2022-English-Full-Base-2024.02.14',
    );
    expect(recordNameFrom('RHEL 9 (HVM), SSD+')).toBe('RHEL 9 -HVM- SSD-');
    expect(recordNameFrom('x'.repeat(200))).toHaveLength(128);
  });

  it('fills what the image says and keeps what the user decided', () => {
    const previous = {
      ...emptyDetails(),
      alias: 'web',
      labelColor: 'red' as const,
      tags: 'team=web',
      name: 'old',
    };
    const image = {
      ...foundLookup().image!,
      architecture: 'ppc64',
      sizeGb: 7.2,
      osFamily: 'Red Hat',
      osVersion: null,
    };
    expect(prefillDetails(previous, image)).toMatchObject({
      name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801',
      architecture: 'unknown',
      sizeGb: '8',
      osFamily: 'rhel',
      osVersion: '',
      alias: 'web',
      labelColor: 'red',
      tags: 'team=web',
    });
  });

  it('gives a pre-filled record that passes as is when the image says enough', () => {
    expect(parseDetails(prefillDetails(emptyDetails(), foundLookup().image!))).not.toBeNull();
  });
});
