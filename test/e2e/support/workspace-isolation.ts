import type { Page } from '@playwright/test';

// The node tsconfig has no DOM library: only what the watcher touches.
interface WatchedElement {
  textContent: string | null;
}
interface WatcherGlobals {
  document: { body: WatchedElement; querySelector(selector: string): WatchedElement | null };
  MutationObserver: new (callback: () => void) => {
    observe(target: WatchedElement, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  __hangarIsolation?: { violations: string[]; stop(): void };
}

/**
 * Watches every DOM change (mutation callbacks run before the browser paints) and records each
 * moment the header names `workspace` while the page shows one of `forbidden` — another
 * workspace's account or image, even for a single frame right after switching.
 */
export async function watchIsolation(page: Page, workspace: string, forbidden: string[]): Promise<void> {
  await page.evaluate(
    ({ workspace, forbidden }) => {
      const g = globalThis as unknown as WatcherGlobals;
      const violations: string[] = [];
      const check = () => {
        const header = g.document.querySelector('header')?.textContent ?? '';
        if (!header.includes(workspace)) return;
        const text = g.document.body.textContent ?? '';
        for (const item of forbidden)
          if (text.includes(item)) violations.push(`"${item}" shown while the header says ${workspace}`);
      };
      const observer = new g.MutationObserver(check);
      observer.observe(g.document.body, { childList: true, subtree: true, characterData: true });
      check();
      g.__hangarIsolation = { violations, stop: () => observer.disconnect() };
    },
    { workspace, forbidden },
  );
}

/** Stops watching; the violations seen (none: an empty list). */
export async function isolationViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as WatcherGlobals;
    g.__hangarIsolation?.stop();
    return [...new Set(g.__hangarIsolation?.violations ?? ['the watcher was not installed'])];
  });
}
