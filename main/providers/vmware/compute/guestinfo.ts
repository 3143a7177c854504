import { randomUUID } from 'node:crypto';

/**
 * What a Hangar launch writes into a VM's ExtraConfig (VirtualMachineConfigSpec.extraConfig), as
 * cloud-init's VMware datasource (and cloudbase-init's VMwareGuestInfoService) reads it through
 * VMware Tools:
 *
 *   guestinfo.metadata            base64 of a JSON document: instance-id, local-hostname and,
 *                                 when the user gave one, public-keys: [the SSH public key]
 *   guestinfo.metadata.encoding   "base64"
 *   guestinfo.userdata            base64 of the user data (cloud-config, script or MIME), or ""
 *   guestinfo.userdata.encoding   "base64", or "" when there is no user data
 *   hangar.sourceImage            the template id the server came from (a library item id or a
 *                                 template VM's moid): what serversUsingImage looks for
 *   hangar.tags                   JSON of the launch's tags (vSphere tags need categories made
 *                                 beforehand; ExtraConfig takes any key and value)
 *
 * An empty value removes a key on vCenter, so user data a template carried over from the VM it
 * was captured from never runs again on a new server.
 */
export const SOURCE_IMAGE_KEY = 'hangar.sourceImage';
export const TAGS_KEY = 'hangar.tags';

export interface GuestInfoInput {
  /** The VM's name: cloud-init's local-hostname (cut to a valid host name). */
  name: string;
  imageId: string;
  publicKey: string | null;
  userData: string | null;
  tags: Record<string, string>;
  /** cloud-init runs its per-instance modules once per instance id. Default: a fresh UUID. */
  instanceId?: string;
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** A host name cloud-init will accept: letters, digits and hyphens, at most 63 characters. */
export function hostNameOf(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned || 'hangar-server';
}

/** The ExtraConfig entries of one launch, in the order they are written. */
export function guestInfoEntries(input: GuestInfoInput): [key: string, value: string][] {
  const key = input.publicKey?.trim();
  const metadata = {
    'instance-id': input.instanceId ?? `hangar-${randomUUID()}`,
    'local-hostname': hostNameOf(input.name),
    ...(key ? { 'public-keys': [key] } : {}),
  };
  const userData = input.userData?.trim() ? input.userData : null;
  return [
    ['guestinfo.metadata', base64(JSON.stringify(metadata))],
    ['guestinfo.metadata.encoding', 'base64'],
    ['guestinfo.userdata', userData === null ? '' : base64(userData)],
    ['guestinfo.userdata.encoding', userData === null ? '' : 'base64'],
    [SOURCE_IMAGE_KEY, input.imageId],
    [TAGS_KEY, JSON.stringify(input.tags)],
  ];
}

/** ExtraConfig read back as a map; a key written twice (vcsim appends) keeps its last value. */
export function extraConfigMap(entries: readonly (readonly [string, string])[]): Map<string, string> {
  return new Map(entries.map(([key, value]) => [key, value] as [string, string]));
}
