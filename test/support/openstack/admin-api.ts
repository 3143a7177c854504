/**
 * Just enough of the Keystone v3 and Glance v2 admin APIs to set up a test cloud over real HTTP:
 * projects, users, role assignments, application credentials, images, image data and members.
 */

export interface Token {
  value: string;
  userId: string;
  projectId: string;
}

export class OpenStackApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'OpenStackApiError';
  }
}

async function call<T>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; contentType?: string; raw?: Uint8Array },
  expected: number[],
): Promise<{ body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.token) headers['x-auth-token'] = init.token;
  if (init.body !== undefined || init.raw) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new OpenStackApiError(
      response.status,
      `${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`,
    );
  }
  return { body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** A project-scoped token for a user of the default domain. */
export async function passwordToken(
  authUrl: string,
  user: string,
  password: string,
  project: string,
): Promise<Token> {
  const { body, headers } = await call<{ token: { user: { id: string }; project: { id: string } } }>(
    `${authUrl}/auth/tokens`,
    {
      method: 'POST',
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: user, domain: { id: 'default' }, password } },
          },
          scope: { project: { name: project, domain: { id: 'default' } } },
        },
      },
    },
    [201],
  );
  return {
    value: headers.get('x-subject-token') ?? '',
    userId: body.token.user.id,
    projectId: body.token.project.id,
  };
}

export class KeystoneAdmin {
  constructor(
    private readonly authUrl: string,
    private readonly token: Token,
  ) {}

  private post<T>(path: string, body: unknown): Promise<T> {
    return call<T>(`${this.authUrl}${path}`, { method: 'POST', token: this.token.value, body }, [201]).then(
      (r) => r.body,
    );
  }

  async createProject(name: string): Promise<string> {
    const body = await this.post<{ project: { id: string } }>('/projects', {
      project: { name, domain_id: 'default' },
    });
    return body.project.id;
  }

  async createUser(name: string, password: string): Promise<string> {
    const body = await this.post<{ user: { id: string } }>('/users', {
      user: { name, password, domain_id: 'default' },
    });
    return body.user.id;
  }

  async grantRole(projectId: string, userId: string, roleName: string): Promise<void> {
    const { body } = await call<{ roles: { id: string }[] }>(
      `${this.authUrl}/roles?name=${encodeURIComponent(roleName)}`,
      { token: this.token.value },
      [200],
    );
    const role = body.roles[0];
    if (!role) throw new Error(`Keystone has no role ${roleName}`);
    await call(
      `${this.authUrl}/projects/${projectId}/users/${userId}/roles/${role.id}`,
      { method: 'PUT', token: this.token.value },
      [204],
    );
  }
}

/** Users create their own application credentials, with a token of the project it is for. */
export async function createApplicationCredential(
  authUrl: string,
  token: Token,
  name: string,
): Promise<{ id: string; secret: string }> {
  const { body } = await call<{ application_credential: { id: string; secret: string } }>(
    `${authUrl}/users/${token.userId}/application_credentials`,
    { method: 'POST', token: token.value, body: { application_credential: { name } } },
    [201],
  );
  return body.application_credential;
}

export class GlanceAdmin {
  constructor(
    private readonly glanceUrl: string,
    private readonly token: Token,
  ) {}

  async createImage(properties: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
    const { body } = await call<{ id: string }>(
      `${this.glanceUrl}/v2/images`,
      { method: 'POST', token: this.token.value, body: properties },
      [201],
    );
    return body;
  }

  /** PUT the image's bytes: Glance computes size, checksum and hash, and the image turns active. */
  async upload(imageId: string, data: Uint8Array): Promise<void> {
    await call(
      `${this.glanceUrl}/v2/images/${imageId}/file`,
      { method: 'PUT', token: this.token.value, raw: data, contentType: 'application/octet-stream' },
      [204],
    );
  }

  async deactivate(imageId: string): Promise<void> {
    await call(
      `${this.glanceUrl}/v2/images/${imageId}/actions/deactivate`,
      { method: 'POST', token: this.token.value },
      [204],
    );
  }

  async addMember(imageId: string, projectId: string): Promise<void> {
    await call(
      `${this.glanceUrl}/v2/images/${imageId}/members`,
      { method: 'POST', token: this.token.value, body: { member: projectId } },
      [200],
    );
  }

  /** The member project answers the offer with its own token. */
  static async setMemberStatus(
    glanceUrl: string,
    memberToken: Token,
    imageId: string,
    status: 'accepted' | 'rejected',
  ): Promise<void> {
    await call(
      `${glanceUrl}/v2/images/${imageId}/members/${memberToken.projectId}`,
      { method: 'PUT', token: memberToken.value, body: { status } },
      [200],
    );
  }
}
