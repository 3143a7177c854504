import { z } from 'zod';

/** AWS regions, commercial and GovCloud/China style: us-east-1, us-gov-west-1, cn-north-1. */
export const AwsRegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region such as us-east-1');

/** An owner to cache: a 12-digit account id or one of EC2's owner aliases. "self" is always cached. */
export const AwsOwnerSchema = z
  .string()
  .regex(
    /^(self|amazon|aws-marketplace|\d{12})$/,
    'must be self, amazon, aws-marketplace or a 12-digit account id',
  );

export const AccessKeyIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{16,128}$/, 'must be 16 to 128 capital letters or digits (it starts with AKIA or ASIA)');

export const SecretAccessKeySchema = z
  .string()
  .min(16, 'looks too short for a secret access key (AWS issues 40 characters)')
  .max(256);

export const EndpointUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2048);
