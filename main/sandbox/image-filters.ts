import { ec2Error } from './ec2-api-error';
import type { QueryFilter } from './query-params';
import type { SandboxImage } from './sandbox-image';

/** EC2 filter values: `*` any run, `?` one character, backslash escapes either; case-sensitive. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

type FieldReader = (image: SandboxImage) => (string | undefined)[];

const ebsOf = (image: SandboxImage) => image.blockDevices.flatMap((d) => (d.ebs ? [d.ebs] : []));

/** The DescribeImages filters the sandbox knows, each reading the image's values for it. */
const FIELDS: Record<string, FieldReader> = {
  architecture: (i) => [i.architecture],
  'block-device-mapping.delete-on-termination': (i) => ebsOf(i).map((e) => String(e.deleteOnTermination)),
  'block-device-mapping.device-name': (i) => i.blockDevices.map((d) => d.deviceName),
  'block-device-mapping.snapshot-id': (i) => ebsOf(i).map((e) => e.snapshotId),
  'block-device-mapping.volume-size': (i) => ebsOf(i).map((e) => String(e.volumeSize)),
  'block-device-mapping.volume-type': (i) => ebsOf(i).map((e) => e.volumeType),
  'block-device-mapping.encrypted': (i) => ebsOf(i).map((e) => String(e.encrypted)),
  'creation-date': (i) => [i.creationDate],
  description: (i) => [i.description],
  'ena-support': (i) => [String(i.enaSupport)],
  hypervisor: () => ['xen'],
  'image-id': (i) => [i.imageId],
  'image-type': () => ['machine'],
  'is-public': (i) => [String(i.public)],
  'manifest-location': (i) => [i.imageLocation],
  name: (i) => [i.name],
  'owner-alias': (i) => [i.ownerAlias],
  'owner-id': (i) => [i.ownerId],
  platform: (i) => [i.platform],
  'platform-details': (i) => [i.platformDetails],
  'product-code': (i) => i.productCodes.map((p) => p.productCode),
  'product-code.type': (i) => i.productCodes.map((p) => p.type),
  'root-device-name': (i) => [i.rootDeviceName],
  'root-device-type': () => ['ebs'],
  'sriov-net-support': (i) => [i.sriovNetSupport],
  state: (i) => [i.state],
  'state-reason-code': (i) => [i.stateReason?.code],
  'state-reason-message': (i) => [i.stateReason?.message],
  'tag-key': (i) => i.tags.map((t) => t.key),
  'usage-operation': (i) => [i.usageOperation],
  'virtualization-type': () => ['hvm'],
};

function readerFor(name: string): FieldReader {
  if (name.startsWith('tag:') && name.length > 4) {
    const key = name.slice(4);
    return (i) => i.tags.filter((t) => t.key === key).map((t) => t.value);
  }
  const reader = FIELDS[name];
  if (!reader) throw ec2Error('InvalidParameterValue', `The filter '${name || 'null'}' is invalid`);
  return reader;
}

/** Filters are ANDed; the values of one filter are ORed, each possibly a wildcard pattern. */
export function compileFilters(filters: QueryFilter[]): (image: SandboxImage) => boolean {
  const compiled = filters.map((filter) => {
    const read = readerFor(filter.name);
    if (filter.values.length === 0) {
      throw ec2Error('InvalidParameterValue', `The filter '${filter.name}' requires at least one value`);
    }
    const matchers = filter.values.map(wildcardMatcher);
    return (image: SandboxImage) =>
      read(image).some((value) => value !== undefined && matchers.some((match) => match(value)));
  });
  return (image) => compiled.every((test) => test(image));
}
