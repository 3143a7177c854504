import { describe, expect, it } from 'vitest';
import { cloudTagsFor } from '../../../main/services/launch/launch-tags';

const base = { name: 'web-1', tags: {}, billingCode: '', group: '' };

describe('tags and labels per cloud', () => {
  it('adds the name, billing code and group under keys the cloud accepts', () => {
    expect(cloudTagsFor('aws', { ...base, billingCode: 'CC-1234', group: 'web' }).tags).toEqual({
      Name: 'web-1',
      'billing-code': 'CC-1234',
      group: 'web',
    });
    expect(cloudTagsFor('openstack', { ...base, billingCode: 'cc1' }).tags).toMatchObject({
      billing_code: 'cc1',
    });
    // GCE labels take no capitals, and the instance has a name of its own.
    expect(cloudTagsFor('gcp', { ...base, billingCode: 'cc-1234' }).tags).toEqual({
      'billing-code': 'cc-1234',
    });
  });

  it.each([
    ['aws', { 'aws:createdBy': 'x' }, /reserved/],
    ['aws', { ['k'.repeat(129)]: 'v' }, /at most 128/],
    ['gcp', { Team: 'web' }, /lowercase/],
    ['gcp', { team: 'Web' }, /lowercase/],
    ['gcp', { '1team': 'web' }, /starting with a letter/],
    ['azure', { 'cost/center': 'x' }, /anything but/],
    ['azure', { team: 'v'.repeat(257) }, /at most 256/],
  ] as const)('%s refuses %j', (cloud, tags, message) => {
    const { problems } = cloudTagsFor(cloud, { ...base, tags });
    expect(problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('accepts what each cloud accepts', () => {
    expect(cloudTagsFor('aws', { ...base, tags: { 'cost center': 'R and D / 42' } }).problems).toEqual([]);
    expect(cloudTagsFor('gcp', { ...base, tags: { team: 'web_1-a' } }).problems).toEqual([]);
    expect(cloudTagsFor('azure', { ...base, tags: { 'Cost Center': 'R&D' } }).problems).toEqual([]);
  });

  it('puts a billing-code problem on the billing code field', () => {
    const { problems } = cloudTagsFor('gcp', { ...base, billingCode: 'CC 1234' });
    expect(problems).toEqual([expect.objectContaining({ field: 'billingCode' })]);
  });

  it('counts tags against the cloud’s limit', () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(cloudTagsFor('aws', { ...base, tags }).problems[0]?.message).toMatch(/51 tags.*at most 50/);
  });
});
