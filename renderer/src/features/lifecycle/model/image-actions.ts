import type { Account, Cloud, ComputeCapabilities, ImageDetail, RegistryMapping } from '@contract/index';

/** One cloud image a lifecycle menu acts on: a registry mapping's, or the catalog's. */
export interface ImageRef {
  cloud: Cloud;
  accountId: string;
  accountName: string;
  location: string;
  imageId: string;
  imageName: string;
  /** The record it was opened from: copies can be added to it. */
  recordId: string | null;
  /** The deprecation the catalog knows of, when known. */
  deprecatesAt?: string | null;
}

export type LifecycleAction = 'copy' | 'deprecate' | 'delete';

export interface ActionState {
  enabled: boolean;
  /** Why not, when disabled; shown beside the item. */
  reason: string | null;
}

export type CapabilityStatus = 'pending' | 'error' | 'success';

const CANNOT: Record<LifecycleAction, string> = {
  copy: 'This cloud cannot copy images.',
  deprecate: 'This cloud cannot deprecate images.',
  delete: 'This cloud cannot delete images.',
};

/**
 * Each menu item's state from what the cloud said it can do. While asking, nothing is offered yet;
 * when the cloud could not be asked (offline), the items stay available: main checks again and
 * explains, and an offline delete is still checked against the launch history.
 */
export function actionStates(
  status: CapabilityStatus,
  capabilities: ComputeCapabilities | undefined,
): Record<LifecycleAction, ActionState> {
  const state = (action: LifecycleAction): ActionState => {
    if (status === 'pending') return { enabled: false, reason: 'Asking the cloud what it allows…' };
    if (status === 'error' || !capabilities) return { enabled: true, reason: null };
    const capability = capabilities[action];
    return capability.supported
      ? { enabled: true, reason: null }
      : { enabled: false, reason: capability.reason ?? CANNOT[action] };
  };
  return { copy: state('copy'), deprecate: state('deprecate'), delete: state('delete') };
}

/** The account's locations an image can be copied to: all it covers but the image's own. */
export function copyTargets(account: Pick<Account, 'locations'> | undefined, from: string): string[] {
  return (account?.locations ?? []).filter((location) => location !== from && location !== 'global');
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The date picker's default: this many days from now, as the picker's YYYY-MM-DD. */
export function defaultDeprecationDay(now: Date, days = 30): string {
  const later = new Date(now);
  later.setDate(later.getDate() + days);
  return dayOf(later);
}

/** Why the chosen day cannot be sent, or null. Clouds take today or later only. */
export function deprecationDayProblem(day: string, now: Date): string | null {
  if (day.trim() === '') return 'choose the day it becomes deprecated';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    return 'a date such as 2030-01-31';
  if (day < dayOf(now)) return 'choose today or a later day';
  return null;
}

/** The day as the instant the request carries: midnight UTC starting that day. */
export const deprecationInstant = (day: string): string => new Date(`${day}T00:00:00Z`).toISOString();

/** How the servers still using an image were found, in plain words. */
export function usageCheckText(checkedIn: 'cloud' | 'launch-history'): string {
  return checkedIn === 'cloud'
    ? 'Checked with the cloud just now.'
    : 'The cloud could not be asked, so Hangar checked its launch history instead: servers started outside Hangar are not known there.';
}

/** A registry mapping's image, opened from its record (so copies can join the record). */
export function mappingImage(
  mapping: Pick<
    RegistryMapping,
    'cloud' | 'accountId' | 'accountName' | 'location' | 'cloudImageId' | 'imageName'
  >,
  recordId: string,
): ImageRef {
  return {
    cloud: mapping.cloud,
    accountId: mapping.accountId,
    accountName: mapping.accountName,
    location: mapping.location,
    imageId: mapping.cloudImageId,
    imageName: mapping.imageName,
    recordId,
  };
}

/** A catalog image, as the details pane shows it. */
export function catalogImage(
  image: Pick<
    ImageDetail,
    'cloud' | 'accountId' | 'accountName' | 'location' | 'cloudId' | 'name' | 'deprecatesAt'
  >,
): ImageRef {
  return {
    cloud: image.cloud,
    accountId: image.accountId,
    accountName: image.accountName,
    location: image.location,
    imageId: image.cloudId,
    imageName: image.name,
    recordId: null,
    deprecatesAt: image.deprecatesAt,
  };
}

/**
 * The generic advice per error code was written for listing images; for a lifecycle action it
 * misleads ("allow them to list images", "wait for the running operation"), and main's own
 * sentence already says what to do.
 */
export const genericAdviceFits = (code: string): boolean =>
  code !== 'cloud-permission' && code !== 'conflict';
