import { describe, expect, it } from 'vitest';
import type { RegistryRecord } from '@contract/index';
import {
  displayName,
  osText,
  parseKeyList,
  pruneSelection,
  reachOf,
  replaceQuestion,
  scopeOptions,
  scopeText,
  tagsToText,
  toggleInSelection,
} from '../../renderer/src/features/registry/model/registry-format';

type Mapping = RegistryRecord['mappings'][number];
const mapping = (cloud: Mapping['cloud'], accountId: string, location: string) =>
  ({ cloud, accountId, location }) as Mapping;

describe('registry display text', () => {
  it('spells the OS family as people do, with its version', () => {
    expect(osText({ osFamily: 'ubuntu', osVersion: '22.04' })).toBe('Ubuntu 22.04');
    expect(osText({ osFamily: 'FreeBSD', osVersion: '' })).toBe('FreeBSD');
    expect(osText({ osFamily: 'rhel', osVersion: '9' })).toBe('Red Hat Enterprise Linux 9');
  });

  it('prefers the alias as the display name', () => {
    expect(displayName({ alias: '  ', name: 'ubuntu-22.04-base' })).toBe('ubuntu-22.04-base');
    expect(displayName({ alias: 'Web base', name: 'ubuntu-22.04-base' })).toBe('Web base');
  });

  it('says where a record lives and whether it is shared down', () => {
    expect(scopeText({ environmentName: null, shared: true })).toBe('Workspace, shared');
    expect(scopeText({ environmentName: null, shared: false })).toBe('Workspace only');
    expect(scopeText({ environmentName: 'Production', shared: false })).toBe('Production');
  });

  it('offers the workspace level first, then each environment', () => {
    const options = scopeOptions([
      { id: 'env-1', name: 'Staging' },
      { id: 'env-2', name: 'Production' },
    ]);
    expect(options.map((o) => [o.label, o.environmentId])).toEqual([
      ['Workspace level', null],
      ['Environment: Staging', 'env-1'],
      ['Environment: Production', 'env-2'],
    ]);
  });

  it('counts clouds once and locations per account', () => {
    const reach = reachOf({
      mappings: [
        mapping('aws', 'a1', 'eu-west-1'),
        mapping('aws', 'a1', 'us-east-1'),
        mapping('gcp', 'g1', 'global'),
        mapping('aws', 'a2', 'eu-west-1'),
      ],
    });
    expect(reach).toEqual({ clouds: ['aws', 'gcp'], locations: 4 });
    expect(reachOf({ mappings: [] })).toEqual({ clouds: [], locations: 0 });
  });

  it('writes tags as sorted key=value lines', () => {
    expect(tagsToText({ team: 'web', env: 'prod' })).toBe('env=prod\nteam=web');
    expect(tagsToText({})).toBe('');
  });

  it('asks the replacement question with both ids and the record', () => {
    expect(replaceQuestion('ami-old', 'ami-new', 'Web base')).toBe(
      'Replace ami-old with ami-new in Web base?',
    );
  });
});

describe('selection and key lists', () => {
  it('reads keys to remove separated by commas or spaces, once each', () => {
    expect(parseKeyList(' team, env  owner\nteam ,')).toEqual(['team', 'env', 'owner']);
    expect(parseKeyList('   ')).toEqual([]);
  });

  it('drops selected records that are no longer listed', () => {
    expect([...pruneSelection(new Set(['a', 'b', 'c']), ['c', 'a', 'd'])]).toEqual(['a', 'c']);
  });

  it('toggles one record without touching the original set', () => {
    const before = new Set(['a']);
    expect([...toggleInSelection(before, 'b')]).toEqual(['a', 'b']);
    expect([...toggleInSelection(before, 'a')]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });
});
