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
  /** The cloud's own OS words before normalising (os_distro, PlatformDetails, offer …). */
  osRaw: string | null;
  architecture: string;
  /** ISO 8601 with offset, or null when the cloud does not say. */
  createdAt: string | null;
  /** When the image is (or was) deprecated, or reaches end of life. */
  deprecatesAt: string | null;
  /** The cloud's deprecation state where it has one; null when it says nothing. */
  deprecationState: 'active' | 'scheduled' | 'deprecated' | 'obsolete' | 'deleted' | null;
  /** The image the cloud names as replacement (GCE `deprecated.replacement`, Azure `alternativeOption`). */
  replacement: string | null;
  state: string;
  public: boolean;
  visibility: 'public' | 'private' | 'shared' | 'community' | null;
  /** GCE family, Glance/AWS naming family, Azure offer:sku … — what "latest in family" groups by. */
  family: string | null;
  sizeGb: number | null;
  tags: Record<string, string>;
  /** Further fields for the details pane, in display order. */
  fields: { label: string; value: string }[];
  raw: unknown;
}
