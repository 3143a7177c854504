import type { Cloud } from '@contract/index';

export interface TagProblem {
  field: string;
  message: string;
}

interface TagRules {
  maxTags: number;
  maxKey: number;
  maxValue: number;
  key: RegExp;
  value: RegExp;
  keyHint: string;
  valueHint: string;
  reservedPrefix: RegExp | null;
  billingKey: string;
  groupKey: string;
}

const PRINTABLE = /^[^\p{Cc}]*$/u;

/** Each cloud's tag/label rules, from its documentation. */
const RULES: Record<Cloud, TagRules> = {
  aws: {
    maxTags: 50,
    maxKey: 128,
    maxValue: 256,
    key: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
    value: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    keyHint: 'letters, digits, spaces and _ . : / = + - @',
    valueHint: 'letters, digits, spaces and _ . : / = + - @',
    reservedPrefix: /^aws:/i,
    billingKey: 'billing-code',
    groupKey: 'group',
  },
  gcp: {
    maxTags: 64,
    maxKey: 63,
    maxValue: 63,
    key: /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]*$/u,
    value: /^[\p{Ll}\p{Lo}\p{N}_-]*$/u,
    keyHint: 'lowercase letters, digits, _ and -, starting with a letter',
    valueHint: 'lowercase letters, digits, _ and -',
    reservedPrefix: /^goog/,
    billingKey: 'billing-code',
    groupKey: 'group',
  },
  azure: {
    maxTags: 50,
    maxKey: 512,
    maxValue: 256,
    key: /^[^<>%&\\?/]+$/,
    value: PRINTABLE,
    keyHint: 'anything but < > % & \\ ? /',
    valueHint: 'printable text',
    reservedPrefix: /^(azure|microsoft|windows)/i,
    billingKey: 'billing-code',
    groupKey: 'group',
  },
  openstack: {
    maxTags: 128,
    maxKey: 255,
    maxValue: 255,
    key: /^[^\p{Cc}]+$/u,
    value: PRINTABLE,
    keyHint: 'printable text',
    valueHint: 'printable text',
    reservedPrefix: null,
    billingKey: 'billing_code',
    groupKey: 'group',
  },
  vmware: {
    maxTags: 64,
    maxKey: 255,
    maxValue: 255,
    key: /^[^\p{Cc}]+$/u,
    value: PRINTABLE,
    keyHint: 'printable text',
    valueHint: 'printable text',
    reservedPrefix: null,
    billingKey: 'billing-code',
    groupKey: 'group',
  },
};

/**
 * The tags (or labels) the cloud gets: the user's, plus the server name, billing code and group
 * under the keys the cloud accepts, each checked against that cloud's rules.
 */
export function cloudTagsFor(
  cloud: Cloud,
  input: { name: string; tags: Record<string, string>; billingCode: string; group: string },
): { tags: Record<string, string>; problems: TagProblem[] } {
  const rules = RULES[cloud];
  const tags: Record<string, string> = { ...input.tags };
  // GCE has a name of its own and labels take no capitals: Name would only be refused.
  if (cloud !== 'gcp') tags.Name ??= input.name;
  if (input.billingCode) tags[rules.billingKey] = input.billingCode;
  if (input.group) tags[rules.groupKey] = input.group;
  const problems: TagProblem[] = [];
  const entries = Object.entries(tags);
  if (entries.length > rules.maxTags)
    problems.push({
      field: 'tags',
      message: `${entries.length} tags; this cloud takes at most ${rules.maxTags}.`,
    });
  for (const [key, value] of entries) {
    const field = key === rules.billingKey ? 'billingCode' : key === rules.groupKey ? 'group' : 'tags';
    if (key.length > rules.maxKey || !rules.key.test(key))
      problems.push({
        field,
        message: `"${key}": a key takes ${rules.keyHint}, at most ${rules.maxKey} characters.`,
      });
    else if (rules.reservedPrefix?.test(key))
      problems.push({
        field,
        message: `"${key}": keys starting with "${rules.reservedPrefix.source.replace(/[\^/()i]/g, '')}" are reserved by the cloud.`,
      });
    if (value.length > rules.maxValue || !rules.value.test(value))
      problems.push({
        field,
        message: `"${key}=${value}": a value takes ${rules.valueHint}, at most ${rules.maxValue} characters.`,
      });
  }
  return { tags, problems };
}
