import { join } from 'node:path';
import { createHangarCore } from '../app/hangar-core';
import { startBrowserHost } from './browser-host';
import type { ServeOptions } from './serve-args';

/** Build the services, serve them to a browser, and shut down cleanly on Ctrl+C. */
export async function serveInBrowser(options: ServeOptions & { outDir: string }): Promise<void> {
  const core = await createHangarCore({
    dataDir: options.dataDir,
    transport: 'browser',
    sandbox: options.sandbox,
  });
  const host = await startBrowserHost({
    port: options.port,
    rendererDir: join(options.outDir, 'renderer'),
    dispatcher: core.dispatcher,
    bus: core.bus,
  });
  console.log(`Hangar is serving at ${host.url}`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
