/**
 * What launching servers and managing an image's life asks of a cloud. A provider module builds
 * one per account (`createComputeDriver`); a method a cloud lacks is absent and its capability
 * says why. Every method throws CloudError with a message the user can act on.
 */

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  memoryMiB: number;
  /** Root disk the flavor brings, when it brings one (OpenStack); null where disks are separate. */
  diskGb: number | null;
  /** x86_64 / arm64 when the flavor is tied to one. */
  architecture: string | null;
}

export interface Subnet {
  id: string;
  name: string;
  cidr: string | null;
}

export interface NetworkChoice {
  id: string;
  name: string;
  subnets: Subnet[];
}

export interface FirewallRule {
  protocol: 'tcp' | 'udp' | 'icmp';
  fromPort: number;
  toPort: number;
  /** Source range, e.g. 203.0.113.0/24 or 0.0.0.0/0. */
  cidr: string;
}

export interface SecurityGroupChoice {
  id: string;
  name: string;
  description: string;
  /** The network it belongs to, where groups are per network (AWS VPC, Azure NSG location). */
  networkId: string | null;
}

export interface KeyPairChoice {
  name: string;
  fingerprint: string | null;
  type: string | null;
}

export interface VolumeSpec {
  sizeGb: number;
  /** gp3, io2, pd-ssd, Premium_LRS, a Cinder volume type … or null for the cloud's default. */
  type: string | null;
  encrypted: boolean;
  /** The cloud's KMS key, where it has one. */
  kmsKeyId: string | null;
}

export interface LaunchSpec {
  location: string;
  imageId: string;
  flavorId: string;
  networkId: string | null;
  subnetId: string | null;
  publicIp: boolean;
  securityGroupIds: string[];
  /** A key pair the cloud holds (AWS, OpenStack)… */
  keyName: string | null;
  /** …or a public key the cloud takes at launch (GCE metadata, Azure, VMware customisation). */
  publicKey: string | null;
  volumes: VolumeSpec[];
  userData: string | null;
  name: string;
  count: number;
  tags: Record<string, string>;
  /** VMware: the cluster or resource pool to place the VM on. */
  computeResource: string | null;
}

export type ServerState =
  'pending' | 'building' | 'running' | 'stopping' | 'stopped' | 'terminated' | 'failed';

export interface ServerStatus {
  id: string;
  name: string;
  state: ServerState;
  /** Public first, then private. */
  addresses: string[];
  imageId: string | null;
  /** Why it failed, in the cloud's words. */
  reason: string | null;
}

export interface ComputeCapabilities {
  /** How a key reaches a server: the cloud makes a pair, takes an uploaded public key, or both. */
  keyPairs: 'create-or-import' | 'public-key-only' | 'none';
  securityGroups: boolean;
  publicIp: boolean;
  volumes: boolean;
  capture: { supported: boolean; reason: string | null };
  copy: { supported: boolean; reason: string | null };
  deprecate: { supported: boolean; reason: string | null };
  delete: { supported: boolean; reason: string | null };
}

export interface ComputeDriver {
  readonly compute: ComputeCapabilities;
  /**
   * Where a server can be placed when the catalog's location does not say (Compute Engine: images
   * are global, servers live in a zone). Absent where the location is the place.
   */
  listPlacements?(signal?: AbortSignal): Promise<string[]>;
  listFlavors(location: string, signal?: AbortSignal): Promise<Flavor[]>;
  listNetworks(location: string, signal?: AbortSignal): Promise<NetworkChoice[]>;
  listSecurityGroups?(location: string, networkId: string | null): Promise<SecurityGroupChoice[]>;
  createSecurityGroup?(
    location: string,
    group: { name: string; description: string; networkId: string | null; rules: FirewallRule[] },
  ): Promise<SecurityGroupChoice>;
  listKeyPairs?(location: string): Promise<KeyPairChoice[]>;
  /** The private key is returned once, here, and never stored by Hangar. */
  createKeyPair?(
    location: string,
    name: string,
    type: 'rsa' | 'ed25519',
  ): Promise<{ keyPair: KeyPairChoice; privateKey: string }>;
  importKeyPair?(location: string, name: string, publicKey: string): Promise<KeyPairChoice>;
  /** Starts the build; resolves with the new servers' ids as soon as the cloud has accepted them. */
  launch(spec: LaunchSpec, signal?: AbortSignal): Promise<{ serverIds: string[] }>;
  /** null when the cloud no longer knows the server. */
  getServer(location: string, serverId: string): Promise<ServerStatus | null>;
  terminate(location: string, serverId: string): Promise<void>;
  /** Servers that still exist and were launched from this image (the live delete-in-use check). */
  serversUsingImage(location: string, imageId: string): Promise<ServerStatus[]>;
  /** Starts a capture; poll the catalog driver's getImage for the new id until it is available. */
  captureImage?(
    location: string,
    serverId: string,
    name: string,
    description: string,
  ): Promise<{ imageId: string }>;
  copyImage?(
    fromLocation: string,
    imageId: string,
    toLocation: string,
    name: string,
  ): Promise<{ imageId: string }>;
  /** `at` null: take the deprecation back. */
  deprecateImage?(location: string, imageId: string, at: Date | null): Promise<void>;
  deleteImage?(location: string, imageId: string): Promise<void>;
  /**
   * Creates an image from a local file (OpenStack Glance create + upload). A failed or aborted
   * upload deletes the half-made image before rethrowing: nothing is left behind.
   */
  importImage?(
    location: string,
    meta: {
      name: string;
      diskFormat: string;
      containerFormat: string;
      visibility: string;
      properties: Record<string, string>;
    },
    file: { path: string; size: number },
    onProgress: (bytes: number) => void,
    signal?: AbortSignal,
  ): Promise<{ imageId: string }>;
}
