/**
 * One image as the cache keeps it: the cloud-neutral fields plus the SDK's raw object.
 * Account and location come from the source the image was synced into, not from here.
 */
export interface StoredImage {
  cloudId: string;
  name: string;
  description: string;
  ownerId: string;
  ownerAlias: string | null;
  osFamily: string;
  osVersion: string | null;
  architecture: string;
  /** ISO 8601 with offset, or null when the cloud does not say. */
  createdAt: string | null;
  deprecatesAt: string | null;
  state: string;
  public: boolean;
  /** Further fields for the details pane, in display order. */
  fields: { label: string; value: string }[];
  raw: unknown;
}
