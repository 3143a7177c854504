import { LOCATION_DISPLAY_NAMES } from './private-images-seed';

/** `West Europe`, `westeurope` → `westeurope`: target regions come back with display names. */
export const normaliseRegion = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

/** The name ARM writes back for a region (`West Europe`), whatever the client sent. */
export const displayRegion = (name: string): string =>
  LOCATION_DISPLAY_NAMES[normaliseRegion(name)] ?? normaliseRegion(name);
