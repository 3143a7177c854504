import { describe, expect, it } from 'vitest';
import {
  LABEL_COLORS,
  LabelColorSchema,
  parseTagText,
  RegistryTagsSchema,
} from '../../preload/contract/registry/labels';

function messages(input: unknown): string[] {
  const result = RegistryTagsSchema.safeParse(input);
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => issue.message);
}

describe('label colours', () => {
  it('offers 8 to 10 distinct colours starting with gray (the default)', () => {
    expect(LABEL_COLORS.length).toBeGreaterThanOrEqual(8);
    expect(LABEL_COLORS.length).toBeLessThanOrEqual(10);
    expect(new Set(LABEL_COLORS).size).toBe(LABEL_COLORS.length);
    expect(LABEL_COLORS[0]).toBe('gray');
  });

  it('accepts listed colours only', () => {
    expect(LabelColorSchema.parse('teal')).toBe('teal');
    expect(LabelColorSchema.safeParse('grey').success).toBe(false);
    expect(LabelColorSchema.safeParse('Teal').success).toBe(false);
  });
});

describe('RegistryTagsSchema', () => {
  it('trims keys and values and keeps empty values', () => {
    expect(RegistryTagsSchema.parse({ ' env ': ' prod ', owner: '' })).toEqual({ env: 'prod', owner: '' });
  });

  it('accepts exactly 50 tags and refuses 51', () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(RegistryTagsSchema.parse(tags(50)))).toHaveLength(50);
    expect(messages(tags(51))).toEqual(['a record holds at most 50 tags; this has 51']);
  });

  it('accepts a 128-character key and a 256-character value, and refuses one more of each', () => {
    expect(RegistryTagsSchema.parse({ ['k'.repeat(128)]: 'v'.repeat(256) })).toEqual({
      ['k'.repeat(128)]: 'v'.repeat(256),
    });
    expect(messages({ ['k'.repeat(129)]: 'v' })[0]).toMatch(
      /^the tag key “k+…” is longer than 128 characters$/,
    );
    expect(messages({ k: 'v'.repeat(257) })).toEqual(['the value of “k” is longer than 256 characters']);
  });

  it('refuses empty keys', () => {
    expect(messages({ '  ': 'v' })).toEqual(['a tag key is empty: write tags as key=value']);
  });

  it('refuses keys under aws: in any case', () => {
    expect(messages({ 'aws:cloudformation:stack': 'x' })[0]).toContain('reserved by AWS');
    expect(messages({ 'AWS:foo': 'x' })[0]).toContain('reserved by AWS');
    expect(RegistryTagsSchema.parse({ 'aws-team': 'x' })).toEqual({ 'aws-team': 'x' });
  });

  it('refuses control characters in keys and values', () => {
    expect(messages({ 'a\u0007b': 'x' })).toEqual([
      'the tag key “a\u0007b” holds a control character; remove it',
    ]);
    expect(messages({ k: 'line\nbreak' })).toEqual(['the value of “k” holds a control character; remove it']);
  });

  it('refuses keys that differ only in case, and reports the path', () => {
    const result = RegistryTagsSchema.safeParse({ Env: 'prod', env: 'dev' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'the tag keys “Env” and “env” differ only in case; keep one',
    );
    expect(result.error?.issues[0]?.path).toEqual(['env']);
  });

  it('refuses keys that become equal once trimmed', () => {
    expect(messages({ env: 'a', ' env': 'b' })).toEqual(['the tag key “env” appears twice']);
  });

  it('reports every problem, not just the first', () => {
    expect(messages({ 'aws:x': '1', y: 'v'.repeat(300) })).toHaveLength(2);
  });

  it('refuses non-text values', () => {
    expect(RegistryTagsSchema.safeParse({ k: 1 }).success).toBe(false);
  });
});

describe('parseTagText', () => {
  it.each([
    ['env=prod, team=web', { env: 'prod', team: 'web' }],
    ['env=prod\nteam=web\r\n', { env: 'prod', team: 'web' }],
    ['env=prod\rteam=web', { env: 'prod', team: 'web' }],
    ['env = prod ,, team= web ,', { env: 'prod', team: 'web' }],
    ['url=https://x.example/?a=b', { url: 'https://x.example/?a=b' }],
    ['empty=', { empty: '' }],
    ['', {}],
    [' \n , ', {}],
  ])('%j → %j', (text, tags) => {
    expect(parseTagText(text)).toEqual({ ok: true, tags });
  });

  it.each([
    ['env=prod, web', '“web” is not key=value: write tags as key=value, separated by commas or new lines'],
    ['=prod', 'a tag key is empty: write tags as key=value'],
    ['env=a\nENV=b', 'the tag keys “env” and “ENV” differ only in case; keep one'],
    ['env=a, env=b', 'the tag key “env” appears twice'],
    ['aws:stack=x', 'tag keys starting with aws: are reserved by AWS: rename “aws:stack”'],
  ])('refuses %j', (text, message) => {
    expect(parseTagText(text)).toEqual({ ok: false, message });
  });

  it('keeps "__proto__" as a plain tag rather than touching the prototype', () => {
    const result = parseTagText('__proto__=x');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.tags)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(result.tags)).toBe(Object.prototype);
    }
  });

  it('refuses 51 entries', () => {
    const text = Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(',');
    expect(parseTagText(text)).toEqual({ ok: false, message: 'a record holds at most 50 tags; this has 51' });
  });
});
