import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { removeDataDir, startHangarHost } from './support/hangar-host';

test('npm start says in one line why there is no window, then serves the app in the browser', async ({
  page,
}) => {
  // An empty Electron dist folder stands for an offline install without Electron's binary.
  const noElectron = await mkdtemp(join(tmpdir(), 'hangar-no-electron-'));
  const host = await startHangarHost({
    entry: 'start.js',
    args: ['--no-sandbox'],
    env: { ELECTRON_OVERRIDE_DIST_PATH: noElectron },
  });
  try {
    expect(host.output[0]).toMatch(
      /^Hangar cannot open its desktop window: Electron's binary is not installed .*browser instead\.$/,
    );
    expect(host.output[1]).toMatch(/^Hangar is serving at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    await page.goto(host.url);
    await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
    await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  } finally {
    await host.stop();
    await removeDataDir(host.dataDir);
    await removeDataDir(noElectron);
  }
});
