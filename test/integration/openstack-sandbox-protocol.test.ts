import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenStackConnectionSchema } from '@contract/index';
import {
  OPENSTACK_SANDBOX_DEMO,
  startOpenStackSandbox,
  type OpenStackSandbox,
} from '../../main/sandbox/openstack';

/** The stand-in's wire protocol, checked with plain fetch: what Keystone and Glance clients see. */
let sandbox: OpenStackSandbox;
let token: string;

const passwordAuth = (user: string, password: string, project?: string): unknown => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: user, domain: { name: 'Default' }, password } },
    },
    ...(project ? { scope: { project: { name: project, domain: { id: 'default' } } } } : {}),
  },
});
const postToken = (body: unknown): Promise<Response> =>
  fetch(`${sandbox.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const glance = (path: string, auth: string | null = token): Promise<Response> =>
  fetch(`${sandbox.endpoint}/regionone/image${path}`, { headers: auth ? { 'x-auth-token': auth } : {} });
const images = async (
  query: string,
): Promise<{ images: Record<string, unknown>[]; next?: string; first: string; schema: string }> =>
  (await (await glance(`/v2/images${query}`)).json()) as {
    images: Record<string, unknown>[];
    next?: string;
    first: string;
    schema: string;
  };

beforeAll(async () => {
  sandbox = await startOpenStackSandbox({ referenceDate: new Date('2026-06-01T12:00:00Z') });
  token =
    (await postToken(passwordAuth('demo', OPENSTACK_SANDBOX_DEMO.password, 'demo'))).headers.get(
      'x-subject-token',
    ) ?? '';
});
afterAll(() => sandbox.stop());

describe('OpenStack stand-in: Keystone v3', () => {
  it('offers the embedded Sandbox account as a valid connection', () => {
    expect(OpenStackConnectionSchema.parse(sandbox.connection)).toEqual(sandbox.connection);
    expect(sandbox.connection.authUrl).toBe(`${sandbox.endpoint}/identity/v3`);
  });

  it('discovers versions', async () => {
    expect((await fetch(`${sandbox.endpoint}/identity`)).status).toBe(300);
    const v3 = (await (await fetch(sandbox.authUrl)).json()) as {
      version: { id: string; links: { href: string }[] };
    };
    expect(v3.version.id).toBe('v3.14');
    expect(v3.version.links[0]?.href).toBe(`${sandbox.authUrl}/`);
  });

  it('issues a project token in X-Subject-Token with the catalog, as Keystone does', async () => {
    const response = await postToken(passwordAuth('demo', OPENSTACK_SANDBOX_DEMO.password, 'demo'));
    expect(response.status).toBe(201);
    expect(response.headers.get('x-subject-token')).toMatch(/^gAAAAAB[\w-]{100,}$/);
    const { token: body } = (await response.json()) as {
      token: Record<string, unknown> & {
        catalog: { type: string; endpoints: { interface: string; region_id: string; url: string }[] }[];
      };
    };
    expect(body).toMatchObject({
      methods: ['password'],
      user: { name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { name: 'demo' },
      is_domain: false,
    });
    expect(String(body.expires_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const image = body.catalog.find((s) => s.type === 'image');
    expect(
      image?.endpoints.map((e) => `${e.interface} ${e.region_id} ${e.url.replace(sandbox.endpoint, '')}`),
    ).toEqual([
      'public RegionOne /regionone/image',
      'internal RegionOne /regionone/image-internal',
      'admin RegionOne /regionone/image-admin',
      'public RegionTwo /regiontwo/image',
      'internal RegionTwo /regiontwo/image-internal',
      'admin RegionTwo /regiontwo/image-admin',
    ]);
  });

  it('issues an unscoped token without a catalog, and refuses projects the user has no role on', async () => {
    const unscoped = await postToken(passwordAuth('demo', OPENSTACK_SANDBOX_DEMO.password));
    expect(unscoped.status).toBe(201);
    expect(((await unscoped.json()) as { token: Record<string, unknown> }).token.catalog).toBeUndefined();
    expect(
      (await postToken(passwordAuth('demo', OPENSTACK_SANDBOX_DEMO.password, 'platform-images'))).status,
    ).toBe(401);
  });

  it('answers bad credentials and bad bodies with Keystone error envelopes', async () => {
    const wrong = await postToken(passwordAuth('demo', 'wrong-password'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe(`Keystone uri="${sandbox.authUrl}"`);
    expect(await wrong.json()).toEqual({
      error: {
        code: 401,
        message: 'The request you have made requires authentication.',
        title: 'Unauthorized',
      },
    });
    const malformed = await postToken('{"auth":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { title: string } }).error.title).toBe('Bad Request');
  });

  it('accepts the application credential', async () => {
    const response = await postToken({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            id: OPENSTACK_SANDBOX_DEMO.applicationCredentialId,
            secret: OPENSTACK_SANDBOX_DEMO.applicationCredentialSecret,
          },
        },
      },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { token: { project: { name: string } } }).token.project.name).toBe(
      'demo',
    );
  });
});

describe('OpenStack stand-in: Glance v2', () => {
  it('needs a token, and says so the way Glance does', async () => {
    const response = await glance('/v2/images', null);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('www-authenticate')).toBe(`Keystone uri="${sandbox.authUrl}"`);
    expect((await glance('/', null)).status).toBe(300);
  });

  it('pages with limit and marker, writing first, next and schema as Glance does', async () => {
    const page = await images('');
    expect(page.images).toHaveLength(25);
    expect(page.first).toBe('/v2/images');
    expect(page.schema).toBe('/v2/schemas/images');
    const last = page.images[24]?.id as string;
    expect(page.next).toBe(`/v2/images?marker=${last}`);
    const second = await images(`?limit=10&marker=${last}`);
    expect(second.first).toBe('/v2/images?limit=10');
    expect(second.images[0]?.id).not.toBe(last);
    expect(page.images.map((i) => i.id)).not.toContain(second.images[0]?.id);
    const created = page.images.map((i) => String(i.created_at));
    expect([...created].sort().reverse()).toEqual(created);
    expect(page.images[0]).toMatchObject({
      self: `/v2/images/${page.images[0]?.id}`,
      file: `/v2/images/${page.images[0]?.id}/file`,
      schema: '/v2/schemas/image',
    });
  });

  it('validates parameters with Glance errors', async () => {
    const limit = await glance('/v2/images?limit=abc');
    expect(limit.status).toBe(400);
    expect(await limit.json()).toEqual({
      message: 'limit param must be an integer<br /><br />\n\n\n',
      code: '400 Bad Request',
      title: 'Bad Request',
    });
    const marker = await glance('/v2/images?marker=00000000-0000-0000-0000-000000000000');
    expect(marker.status).toBe(400);
    expect(await marker.text()).toContain('No image found with ID 00000000-0000-0000-0000-000000000000');
    expect((await glance('/v2/images?visibility=everyone')).status).toBe(400);
    expect((await glance('/v2/images?sort_key=colour')).status).toBe(400);
  });

  it('filters by visibility, os_hidden, member_status and properties; sorts on request', async () => {
    const hidden = await images('?os_hidden=true&limit=1000&visibility=all');
    expect(hidden.images.length).toBeGreaterThan(10);
    expect(hidden.images.every((i) => i.os_hidden === true)).toBe(true);
    const community = await images('?visibility=community&limit=1000');
    expect(community.images.every((i) => i.visibility === 'community')).toBe(true);
    const listedByDefault = (await images('?limit=1000')).images.map((i) => i.id);
    expect(
      community.images.some(
        (i) => i.owner !== sandbox.identity.projectByName('demo')?.id && listedByDefault.includes(i.id),
      ),
    ).toBe(false);
    // Offers still pending: Glance lists them with member_status=pending (own shared images always show).
    const demoId = sandbox.identity.projectByName('demo')?.id;
    const pending = await images('?visibility=shared&member_status=pending');
    expect(pending.images.filter((i) => i.owner !== demoId).map((i) => i.name)).toEqual([
      'jupyterhub-base-debian-12-20250420',
    ]);
    const ubuntu = await images('?os_distro=ubuntu&limit=1000&visibility=all');
    expect(ubuntu.images.length).toBeGreaterThan(3);
    expect(ubuntu.images.every((i) => i.os_distro === 'ubuntu')).toBe(true);
    const byName = (await images('?sort_key=name&sort_dir=asc&limit=1000')).images.map((i) => String(i.name));
    expect([...byName].sort()).toEqual(byName);
  });

  it("gets an image by id, hidden ones too, but never another project's private image", async () => {
    const hidden = (await images('?os_hidden=true&limit=1')).images[0];
    const one = await glance(`/v2/images/${String(hidden?.id)}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as { id: string }).id).toBe(hidden?.id);
    const secret = sandbox.images.get('RegionOne')?.find((i) => i.wire.name === 'ds-scratch-gpu');
    expect((await glance(`/v2/images/${secret?.wire.id}`)).status).toBe(404);
    expect(((await (await glance('/v2/schemas/images')).json()) as { name: string }).name).toBe('images');
  });
});
