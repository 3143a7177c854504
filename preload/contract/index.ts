export * from './channels';
export * from './events';
export * from './result';
export * from './schemas/common';
export * from './schemas/app';
export * from './schemas/accounts';
export * from './schemas/aws';
export * from './schemas/connections';
export * from './schemas/imports';
export * from './schemas/workspaces';
export * from './schemas/catalog';
export * from './schemas/sync';
export * from './schemas/registry';
export * from './schemas/registry-upkeep';
export * from './schemas/launch';
export * from './schemas/lifecycle';
export * from './registry/image-ids';
export * from './registry/os-families';
export * from './registry/labels';
export * from './registry/image-location';

/** What preload exposes as `window.hangar`, and what the browser transport imitates. */
export interface HangarBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
