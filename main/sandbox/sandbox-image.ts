/** The sandbox's own record of one AMI: the fields DescribeImages serialises, already normalised. */
export type SandboxArchitecture = 'x86_64' | 'arm64';

/** A subset of EC2's image states that the seed uses; the wire accepts any string. */
export type SandboxImageState = 'available' | 'pending' | 'failed' | 'disabled';

export interface SandboxEbs {
  snapshotId: string;
  volumeSize: number;
  deleteOnTermination: boolean;
  /** The seed uses gp2/gp3; captured images keep whatever their volumes were (io2, st1 …). */
  volumeType: string;
  encrypted: boolean;
  kmsKeyId?: string;
}

export interface SandboxBlockDevice {
  deviceName: string;
  virtualName?: string;
  ebs?: SandboxEbs;
}

export interface SandboxImage {
  imageId: string;
  imageLocation: string;
  state: SandboxImageState;
  stateReason?: { code: string; message: string };
  ownerId: string;
  ownerAlias?: string;
  /** ISO 8601, milliseconds and Z, as EC2 prints it. */
  creationDate: string;
  deprecationTime?: string;
  public: boolean;
  architecture: SandboxArchitecture;
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  name: string;
  description?: string;
  rootDeviceName: string;
  blockDevices: SandboxBlockDevice[];
  enaSupport: boolean;
  sriovNetSupport?: 'simple';
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
  imdsSupport?: 'v2.0';
  productCodes: { productCode: string; type: 'marketplace' | 'devpay' }[];
  tags: { key: string; value: string }[];
  /** CreateImage: the instance it was made from. */
  sourceInstanceId?: string;
  /** CopyImage: the AMI and region it was copied from. */
  sourceImageId?: string;
  sourceImageRegion?: string;
}

/** EC2 hides a deprecated image from everyone but its owner unless asked for it. */
export function isDeprecated(image: SandboxImage, now: Date): boolean {
  return image.deprecationTime !== undefined && Date.parse(image.deprecationTime) <= now.getTime();
}
