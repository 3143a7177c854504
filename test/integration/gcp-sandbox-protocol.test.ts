import { sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';
import { rawRequest } from '../support/http-request';

const READONLY = 'https://www.googleapis.com/auth/compute.readonly';
let sandbox: GcpSandbox;
let key: { client_email: string; private_key: string; private_key_id: string };

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT-bearer assertion as google-auth-library builds one, with claims the test may spoil. */
function assertion(claims: Record<string, unknown> = {}, privateKey = key.private_key): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({
    iss: key.client_email,
    scope: READONLY,
    aud: 'https://oauth2.googleapis.com/token',
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${body}.${sign('sha256', Buffer.from(body), privateKey).toString('base64url')}`;
}

const token = (form: Record<string, string>) =>
  rawRequest(sandbox.tokenUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

const grant = (jwt: string) =>
  token({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt });

const api = (path: string, bearer?: string) =>
  rawRequest(`${sandbox.endpoint}/compute/v1/projects/${path}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });

beforeAll(async () => {
  sandbox = await startGcpSandbox({ referenceDate: new Date('2026-11-23T12:00:00Z') });
  key = JSON.parse(sandbox.demoKeyJson) as typeof key;
});
afterAll(() => sandbox.stop());

describe('the OAuth token endpoint', () => {
  it('trades a correctly signed assertion for a bearer token', async () => {
    const response = await grant(assertion());
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as {
      access_token: string;
      expires_in: number;
      token_type: string;
    };
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect(body.access_token).toMatch(/^ya29\./);
    expect((await api('debian-cloud/global/images?maxResults=1', body.access_token)).status).toBe(200);
  });

  it('refuses what Google refuses, with Google’s OAuth errors', async () => {
    const other = JSON.parse(await sandbox.createKeyJson({ registered: false })) as typeof key;
    const cases: [string, Promise<{ status: number; body: string }>][] = [
      ['Invalid JWT Signature.', grant(assertion({}, other.private_key))],
      [
        'Invalid grant: account not found',
        grant(assertion({ iss: 'nobody@hangar-sandbox-demo.iam.gserviceaccount.com' })),
      ],
      ['Invalid JWT: Failed audience check.', grant(assertion({ aud: 'https://example.com/token' }))],
      [
        'Invalid JWT: Token must be a short-lived token',
        grant(assertion({ iat: 1_600_000_000, exp: 1_600_003_600 })),
      ],
      ['Invalid OAuth scope', grant(assertion({ scope: undefined }))],
    ];
    for (const [description, pending] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      const body = JSON.parse(response.body) as { error: string; error_description: string };
      expect(body.error).toMatch(/^invalid_(grant|scope)$/);
      expect(body.error_description).toContain(description);
    }
    const wrongGrant = await token({ grant_type: 'client_credentials' });
    expect(JSON.parse(wrongGrant.body)).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('the Compute images API', () => {
  it('answers without a valid bearer with Google’s 401 envelope', async () => {
    for (const bearer of [undefined, 'ya29.unknown']) {
      const response = await api('debian-cloud/global/images', bearer);
      expect(response.status).toBe(401);
      const { error } = JSON.parse(response.body) as { error: Record<string, unknown> };
      expect(error).toMatchObject({
        code: 401,
        status: 'UNAUTHENTICATED',
        errors: [
          { domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' },
        ],
      });
      expect(String(error.message)).toMatch(/^Request had invalid authentication credentials/);
    }
  });

  it('pages with maxResults and opaque tokens bound to the query, in name order', async () => {
    const bearer = sandbox.mintAccessToken();
    const first = await api('rhel-cloud/global/images?maxResults=50', bearer);
    const page = JSON.parse(first.body) as {
      kind: string;
      id: string;
      items: { name: string }[];
      nextPageToken: string;
      selfLink: string;
    };
    expect(first.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(page).toMatchObject({ kind: 'compute#imageList', id: 'projects/rhel-cloud/global/images' });
    expect(page.selfLink).toBe('https://www.googleapis.com/compute/v1/projects/rhel-cloud/global/images');
    expect(page.items.map((i) => i.name)).toEqual(
      sandbox.catalog
        .images('rhel-cloud')
        .slice(0, 50)
        .map((i) => i.name),
    );
    const names = page.items.map((i) => i.name);
    expect(names).toEqual([...names].sort());

    const second = await api(
      `rhel-cloud/global/images?maxResults=50&pageToken=${page.nextPageToken}`,
      bearer,
    );
    expect((JSON.parse(second.body) as { items: { name: string }[] }).items[0]?.name).toBe(
      sandbox.catalog.images('rhel-cloud')[50]?.name,
    );
    const replayed = await api(
      `rhel-cloud/global/images?maxResults=50&filter=family%3Drhel-9&pageToken=${page.nextPageToken}`,
      bearer,
    );
    expect(replayed.status).toBe(400);
    expect(JSON.parse(replayed.body)).toMatchObject({
      error: { code: 400, errors: [{ reason: 'invalid' }] },
    });
    expect((await api('rhel-cloud/global/images?maxResults=501', bearer)).status).toBe(400);
  });

  it('filters as Compute does', async () => {
    const bearer = sandbox.mintAccessToken();
    const items = async (
      filter: string,
    ): Promise<{ name: string; family?: string; architecture: string }[]> => {
      const response = await api(`debian-cloud/global/images?filter=${encodeURIComponent(filter)}`, bearer);
      expect(response.status).toBe(200);
      return (JSON.parse(response.body) as { items?: [] }).items ?? [];
    };
    const debian12 = await items('family = "debian-12"');
    expect(debian12.length).toBeGreaterThan(10);
    expect(debian12.every((i) => i.family === 'debian-12')).toBe(true);
    const arm = await items('(family = "debian-12-arm64") (architecture = ARM64)');
    expect(arm.length).toBeGreaterThan(10);
    expect(await items('(family = "debian-12") (architecture = ARM64)')).toEqual([]);
    expect((await items('name eq "debian-13-trixie-arm64-v.*"')).every((i) => i.name.includes('arm64'))).toBe(
      true,
    );
    expect((await items('deprecated.state != OBSOLETE')).length).toBeLessThan(
      sandbox.catalog.images('debian-cloud').length,
    );
    const bad = await api(`debian-cloud/global/images?filter=${encodeURIComponent('family ~~ x')}`, bearer);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      error: { message: "Invalid value for field 'filter': 'family ~~ x'. Invalid list filter expression." },
    });
  });

  it('gets images by name and by family, 404s and 403s in Google’s words', async () => {
    const bearer = sandbox.mintAccessToken();
    const latest = sandbox.catalog.latestInFamily('windows-cloud', 'windows-2022');
    const byFamily = await api('windows-cloud/global/images/family/windows-2022', bearer);
    expect(JSON.parse(byFamily.body)).toMatchObject({
      kind: 'compute#image',
      name: latest?.name,
      status: 'READY',
    });
    const byName = await api(`windows-cloud/global/images/${latest?.name}`, bearer);
    expect(JSON.parse(byName.body)).toMatchObject({
      id: latest?.id,
      diskSizeGb: '50',
      architecture: 'X86_64',
    });

    const missing = await api('windows-cloud/global/images/windows-server-1999', bearer);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      error: {
        code: 404,
        status: 'NOT_FOUND',
        message: "The resource 'projects/windows-cloud/global/images/windows-server-1999' was not found",
        errors: [{ reason: 'notFound', domain: 'global' }],
      },
    });
    const foreign = await api('someone-elses-project/global/images', bearer);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({
      error: {
        status: 'PERMISSION_DENIED',
        message: "Required 'compute.images.list' permission for 'projects/someone-elses-project'",
      },
    });
  });
});
