/**
 * The "loaded" signal end-to-end tests wait on instead of sleeping: set once app:info and the
 * first catalog page have both come back.
 */
const parts = new Set<'info' | 'catalog'>();

export function markReady(part: 'info' | 'catalog'): void {
  parts.add(part);
  if (parts.has('info') && parts.has('catalog')) document.documentElement.dataset.hangarReady = 'true';
}
