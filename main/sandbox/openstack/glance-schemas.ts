/**
 * GET /v2/schemas/image and /v2/schemas/images: the JSON Schemas Glance publishes for its
 * resources (core properties only; user-defined properties are "additionalProperties": string).
 */

const nullableString = (description: string, maxLength = 255): Record<string, unknown> => ({
  type: ['null', 'string'],
  readOnly: true,
  description,
  maxLength,
});

export function imageSchema(): Record<string, unknown> {
  return {
    name: 'image',
    additionalProperties: { type: 'string' },
    properties: {
      id: {
        type: 'string',
        description: 'An identifier for the image',
        pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
      },
      name: { type: ['null', 'string'], description: 'Descriptive name for the image', maxLength: 255 },
      status: {
        type: 'string',
        readOnly: true,
        description: 'Status of the image',
        enum: [
          'queued',
          'saving',
          'active',
          'killed',
          'deleted',
          'uploading',
          'importing',
          'pending_delete',
          'deactivated',
        ],
      },
      visibility: {
        type: 'string',
        description: 'Scope of image accessibility',
        enum: ['community', 'public', 'private', 'shared'],
      },
      protected: { type: 'boolean', description: 'If true, image will not be deletable.' },
      os_hidden: {
        type: 'boolean',
        description: 'If true, image will not appear in default image list response.',
      },
      checksum: nullableString('md5 hash of image contents.', 32),
      os_hash_algo: nullableString('Algorithm to calculate the os_hash_value', 64),
      os_hash_value: nullableString(
        'Hexdigest of the image contents using the algorithm specified by the os_hash_algo',
        128,
      ),
      owner: { type: ['null', 'string'], description: 'Owner of the image', maxLength: 255 },
      size: { type: ['null', 'integer'], readOnly: true, description: 'Size of image file in bytes' },
      virtual_size: {
        type: ['null', 'integer'],
        readOnly: true,
        description: 'Virtual size of image in bytes',
      },
      container_format: {
        type: ['null', 'string'],
        enum: [null, 'ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'],
      },
      disk_format: {
        type: ['null', 'string'],
        enum: [null, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'],
      },
      created_at: { type: 'string', readOnly: true, description: 'Date and time of image registration' },
      updated_at: {
        type: 'string',
        readOnly: true,
        description: 'Date and time of the last image modification',
      },
      tags: {
        type: 'array',
        description: 'List of strings related to the image',
        items: { type: 'string', maxLength: 255 },
      },
      direct_url: {
        type: 'string',
        readOnly: true,
        description: 'URL to access the image file kept in external store',
      },
      min_ram: { type: 'integer', description: 'Amount of ram (in MB) required to boot image.' },
      min_disk: { type: 'integer', description: 'Amount of disk space (in GB) required to boot image.' },
      self: { type: 'string', readOnly: true, description: 'An image self url' },
      file: { type: 'string', readOnly: true, description: 'An image file url' },
      schema: { type: 'string', readOnly: true, description: 'An image schema url' },
      locations: {
        type: 'array',
        description: 'A set of URLs to access the image file kept in external store',
      },
    },
    links: [
      { rel: 'self', href: '{self}' },
      { rel: 'enclosure', href: '{file}' },
      { rel: 'describedby', href: '{schema}' },
    ],
  };
}

export function imagesSchema(): Record<string, unknown> {
  return {
    name: 'images',
    properties: {
      images: { type: 'array', items: imageSchema() },
      schema: { type: 'string' },
      first: { type: 'string' },
      next: { type: 'string' },
    },
    links: [
      { rel: 'first', href: '{first}' },
      { rel: 'next', href: '{next}' },
      { rel: 'describedby', href: '{schema}' },
    ],
  };
}
