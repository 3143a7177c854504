import type { Page } from '@playwright/test';
import type { Haystack } from './leak-scan';

/** Everything the host sent the page: /api/ response bodies and received WebSocket frames. */
export interface TrafficRecorder {
  /** Waits for the bodies still being read, then returns them and the frames as haystacks. */
  haystacks(): Promise<Haystack[]>;
  counts(): { responses: number; frames: number };
}

/** Starts recording before the page loads anything, so the first responses are caught too. */
export function recordTraffic(page: Page): TrafficRecorder {
  const responses: Haystack[] = [];
  const frames: Haystack[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.includes('/api/')) return;
    const label = `API response ${response.request().method()} ${new URL(url).pathname}`;
    pending.push(
      response.body().then(
        (body) => void responses.push({ where: `${label} #${responses.length + 1}`, content: body }),
        // A body the browser no longer holds (a redirect, a page navigating away) has nothing to scan.
        () => undefined,
      ),
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) =>
      frames.push({ where: `WebSocket ${socket.url()} frame #${frames.length + 1}`, content: payload }),
    );
  });
  return {
    async haystacks() {
      await Promise.all(pending);
      return [...responses, ...frames];
    },
    counts: () => ({ responses: responses.length, frames: frames.length }),
  };
}
