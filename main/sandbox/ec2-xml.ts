import type { SandboxBlockDevice, SandboxImage } from './sandbox-image';

/** The namespace every EC2 Query response of API version 2016-11-15 carries. */
export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** `<name>text</name>`, or nothing when the value is absent: EC2 omits unset members. */
export function leaf(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list member: `<name><item>…</item>…</name>`, always present (EC2 prints empty sets too). */
export function itemSet(name: string, items: string[]): string {
  return items.length === 0
    ? `<${name}/>`
    : `<${name}>${items.map((i) => `<item>${i}</item>`).join('')}</${name}>`;
}

function blockDeviceXml(device: SandboxBlockDevice): string {
  const ebs = device.ebs
    ? `<ebs>${leaf('snapshotId', device.ebs.snapshotId)}${leaf('volumeSize', device.ebs.volumeSize)}` +
      `${leaf('deleteOnTermination', device.ebs.deleteOnTermination)}${leaf('volumeType', device.ebs.volumeType)}` +
      `${leaf('encrypted', device.ebs.encrypted)}${leaf('kmsKeyId', device.ebs.kmsKeyId)}</ebs>`
    : '';
  return `${leaf('deviceName', device.deviceName)}${leaf('virtualName', device.virtualName)}${ebs}`;
}

const itemXmlCache = new WeakMap<SandboxImage, string>();

/** One `imagesSet/item`, member names and order as EC2 prints them. Cached: images are immutable once served. */
export function imageItemXml(image: SandboxImage): string {
  const cached = itemXmlCache.get(image);
  if (cached) return cached;
  const xml = [
    leaf('imageId', image.imageId),
    leaf('imageLocation', image.imageLocation),
    leaf('imageState', image.state),
    leaf('imageOwnerId', image.ownerId),
    leaf('creationDate', image.creationDate),
    leaf('isPublic', image.public),
    itemSet(
      'productCodes',
      image.productCodes.map((p) => `${leaf('productCode', p.productCode)}${leaf('type', p.type)}`),
    ),
    leaf('architecture', image.architecture),
    leaf('imageType', 'machine'),
    leaf('platform', image.platform),
    leaf('platformDetails', image.platformDetails),
    leaf('usageOperation', image.usageOperation),
    image.stateReason
      ? `<stateReason>${leaf('code', image.stateReason.code)}${leaf('message', image.stateReason.message)}</stateReason>`
      : '',
    leaf('imageOwnerAlias', image.ownerAlias),
    leaf('name', image.name),
    leaf('description', image.description),
    leaf('rootDeviceType', 'ebs'),
    leaf('rootDeviceName', image.rootDeviceName),
    itemSet('blockDeviceMapping', image.blockDevices.map(blockDeviceXml)),
    leaf('virtualizationType', 'hvm'),
    image.tags.length > 0
      ? itemSet(
          'tagSet',
          image.tags.map((t) => `${leaf('key', t.key)}${leaf('value', t.value)}`),
        )
      : '',
    leaf('hypervisor', 'xen'),
    leaf('enaSupport', image.enaSupport),
    leaf('sriovNetSupport', image.sriovNetSupport),
    leaf('bootMode', image.bootMode),
    leaf('imdsSupport', image.imdsSupport),
    leaf('deprecationTime', image.deprecationTime),
    leaf('sourceInstanceId', image.sourceInstanceId),
    leaf('sourceImageId', image.sourceImageId),
    leaf('sourceImageRegion', image.sourceImageRegion),
  ].join('');
  itemXmlCache.set(image, xml);
  return xml;
}

/** `<ActionResponse xmlns=…><requestId>…</requestId>…body…</ActionResponse>` */
export function responseXml(action: string, requestId: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}">` +
    `${leaf('requestId', requestId)}${body}</${action}Response>`
  );
}

/** EC2's error envelope: note `Response/Errors/Error` and `RequestID` (capital ID), unlike other AWS query APIs. */
export function errorXml(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error>${leaf('Code', code)}${leaf('Message', message)}</Error></Errors>` +
    `${leaf('RequestID', requestId)}</Response>`
  );
}
