import { expect, request, test } from '@playwright/test';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHangarHost({ args: ['--no-sandbox'] });
});

test.afterAll(async () => {
  await host.stop();
  await removeDataDir(host.dataDir);
});

test('the page without its token is refused and says what to do', async ({ page }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Open the address Hangar printed');
});

test('a foreign Origin or Host is refused even with the token', async () => {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const api = await request.newContext();
  const foreignOrigin = await api.post(`${host.origin}/api/app:info`, {
    headers: { 'x-hangar-token': token, origin: 'https://attacker.example' },
    data: {},
  });
  expect(foreignOrigin.status()).toBe(403);
  const foreignHost = await api.post(`${host.origin}/api/app:info`, {
    headers: { 'x-hangar-token': token, host: 'attacker.example' },
    data: {},
  });
  expect(foreignHost.status()).toBe(403);
  const own = await api.post(`${host.origin}/api/app:info`, {
    headers: { 'x-hangar-token': token, origin: host.origin },
    data: {},
  });
  expect(own.status()).toBe(200);
  expect((await own.json()).ok).toBe(true);
  await api.dispose();
});

test('another site open in the same browser cannot call the API', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  // The cookie is SameSite=Strict and HttpOnly: the page's own script cannot read it either.
  expect(
    await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie),
  ).toBe('');
  const other = await page.context().newPage();
  await other.goto('about:blank');
  const status = await other.evaluate(async (origin) => {
    try {
      const response = await fetch(`${origin}/api/app:info`, {
        method: 'POST',
        body: '{}',
        credentials: 'include',
      });
      return response.status;
    } catch {
      return 'blocked';
    }
  }, host.origin);
  expect([401, 403, 'blocked']).toContain(status);
});
