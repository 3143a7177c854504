import {
  validateCloudImageId,
  type Account,
  type Cloud,
  type LookupResult,
  type Source,
} from '@contract/index';
import type { WizardState } from './wizard-state';

/** The clouds to offer, in the UI's usual order: only those with an account in this workspace. */
export function cloudsWithAccounts(accounts: readonly Account[], order: readonly Cloud[]): Cloud[] {
  return order.filter((cloud) => accounts.some((account) => account.cloud === cloud));
}

/**
 * The locations an account can register in: those it caches (its sources), which are exactly the
 * ones main accepts for a mapping. In the order the sources list them, each once.
 */
export function locationsOf(sources: readonly Source[], accountId: string): string[] {
  return [...new Set(sources.filter((s) => s.accountId === accountId).map((s) => s.location))];
}

/** With a single choice there is nothing to choose: it is taken. */
export const onlyChoice = (choices: readonly string[]): string =>
  choices.length === 1 ? (choices[0] ?? '') : '';

export interface LocationContext {
  accounts: readonly Account[];
  sources: readonly Source[];
}

export type LocationErrors = Partial<Record<'cloud' | 'account' | 'location', string>>;

/** What keeps step 1 from going on, per field. */
export function locationErrors(state: WizardState, context: LocationContext): LocationErrors {
  const errors: LocationErrors = {};
  if (state.cloud === null) {
    errors.cloud = 'choose a cloud';
    return errors;
  }
  const account = context.accounts.find((a) => a.id === state.accountId && a.cloud === state.cloud);
  if (!account) {
    errors.account = 'choose an account';
    return errors;
  }
  const locations = locationsOf(context.sources, account.id);
  if (locations.length === 0) {
    errors.location = `${account.name} has no synced location yet: sync it from the sources sidebar first`;
  } else if (state.location === '') {
    errors.location = 'choose a location';
  } else if (!locations.includes(state.location)) {
    errors.location = `${account.name} is not set up for “${state.location}”; choose one of its locations`;
  }
  return errors;
}

export type ImageCheck = { ok: true; id: string } | { ok: false; message: string };

/** The image field as typed (or the template as chosen), in its cloud's canonical form. */
export function checkImageId(cloud: Cloud, input: string): ImageCheck {
  if (cloud === 'vmware' && input.trim() === '') {
    return { ok: false, message: 'choose a template from the list' };
  }
  return validateCloudImageId(cloud, input);
}

/** What the image step says under the field after a lookup found nothing. */
export function notFoundMessage(lookup: LookupResult | null): string | null {
  if (!lookup || lookup.found) return null;
  const problem = lookup.problems.find((p) => p.kind === 'not-found');
  const base = `No such image: ${problem?.message ?? `${lookup.cloudImageId} was not found.`}`;
  return lookup.from === 'cache'
    ? `${base} (Looked up in the cache: ${lookup.offlineReason ?? 'offline'})`
    : base;
}

/** Warnings the user must read and accept before registering: problems other than "not found". */
export function warningsOf(lookup: LookupResult): LookupResult['problems'] {
  return lookup.problems.filter((p) => p.kind !== 'not-found');
}

/** A deprecated (etc.) image, or one only the cache could describe, is registered only when accepted. */
export function needsAcknowledgement(lookup: LookupResult): boolean {
  return warningsOf(lookup).length > 0 || lookup.from === 'cache';
}

export const ACK_REQUIRED = 'tick “Register this image anyway” to go on';

/** Why the lookup page cannot go on to the details, or null when it can. */
export function lookupBlocker(state: Pick<WizardState, 'lookup' | 'acknowledged'>): string | null {
  const { lookup } = state;
  if (!lookup || !lookup.found) return 'look the image up first';
  if (lookup.existing) return `this image is already registered as ${lookup.existing.name}`;
  if (needsAcknowledgement(lookup) && !state.acknowledged) {
    return ACK_REQUIRED;
  }
  return null;
}

/** "Looked up in the cache (synced 2024-05-01 10:00) — the cloud did not answer." */
export function cacheNote(lookup: LookupResult, formatDate: (iso: string | null) => string): string | null {
  if (lookup.from !== 'cache') return null;
  const synced = lookup.cachedAt ? formatDate(lookup.cachedAt) : 'at an unknown time';
  return `Looked up in the cache (synced ${synced}) — ${lookup.offlineReason ?? 'the cloud was not asked.'}`;
}
