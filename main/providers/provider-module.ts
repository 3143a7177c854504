import type { Cloud } from '@contract/index';
import type { CloudDriver, ImageListScope } from './driver';
import type { ComputeDriver } from './compute-driver';

/** What a cloud can do in Hangar; the UI greys out the rest and shows the reason. */
export type CapabilityMap = Record<string, { supported: boolean; reason: string | null }>;

/**
 * Everything Hangar needs to know about one cloud, behind one object per provider folder:
 * which sources an account caches, how to name it, and how to build its driver.
 * `Connection` and `Secret` are the contract's per-cloud schemas (preload/contract/schemas/connections.ts).
 */
export interface ProviderModule<Connection, Secret> {
  cloud: Cloud;
  /** "Amazon Web Services", "Google Cloud" … */
  label: string;
  capabilities: CapabilityMap;
  /** The location × scope pairs an account caches, e.g. us-east-1 × amazon, global × debian-cloud. */
  sourcesFor(connection: Connection): ImageListScope[];
  /** Enough to tell two accounts apart, never secret: "…WXYZ", a client id, user@domain. */
  identityOf(connection: Connection): string | null;
  /** The API endpoint the account talks to, or null for the cloud's default. */
  endpointOf(connection: Connection): string | null;
  createDriver(connection: Connection, secret: Secret, tuning?: DriverTuning): CloudDriver;
  /** Launch and image lifecycle; absent while a cloud has none (the UI then says why). */
  createComputeDriver?(connection: Connection, secret: Secret, tuning?: ComputeTuning): ComputeDriver;
}

/** Knobs tests turn for long operations; production uses the defaults. */
export interface ComputeTuning {
  /** How often to poll an operation or a server's state. */
  pollIntervalMs?: number;
}

/** Knobs tests and benchmarks turn; production uses each cloud's defaults. */
export interface DriverTuning {
  /** Images asked for per page (each cloud caps it at its own maximum). */
  pageSize?: number;
}

/** A running local stand-in for one cloud, with the account that opens it (the embedded Sandbox). */
export interface CloudSandbox<Connection, Secret> {
  cloud: Cloud;
  connection: Connection;
  secret: Secret;
  stop(): Promise<void>;
}
