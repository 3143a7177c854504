import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The stand-in's Keystone directory: projects, users with roles on projects, application
 * credentials and issued tokens. Ids are 32 lowercase hex digits, as Keystone's are. Everything
 * lives in the default domain ("default" / "Default").
 */

export interface SandboxProject {
  id: string;
  name: string;
  /** Glance answers 403 to this project's tokens (a policy that denies get_images). */
  imagesForbidden?: boolean;
}

export interface SandboxUser {
  id: string;
  name: string;
  password: string;
  /** projectId → role names. */
  roles: Record<string, string[]>;
}

export interface SandboxAppCredential {
  id: string;
  name: string;
  secret: string;
  userId: string;
  projectId: string;
}

export interface IssuedToken {
  userId: string;
  projectId: string | null;
  roles: string[];
  methods: string[];
  issuedAt: Date;
  expiresAt: Date;
}

export const DEFAULT_DOMAIN = { id: 'default', name: 'Default' } as const;

/** The embedded Sandbox's account. It only opens the local stand-in, so it is not a secret. */
export const OPENSTACK_SANDBOX_DEMO = Object.freeze({
  username: 'demo',
  password: 'hangar-sandbox-demo-password',
  projectName: 'demo',
  applicationCredentialId: '5f0c2a9e8b7d4c1fa3e6b9d2c8f1a4e7',
  applicationCredentialSecret: 'hangar-sandbox-demo-app-credential-secret',
});

/** Fixed ids, so seeded owners and shares are stable across runs. */
export const SANDBOX_PROJECTS = Object.freeze({
  demo: { id: '8c1f0e5b2d6a4f9e9b3c7a1d5e2f4a6b', name: 'demo' },
  platform: { id: '2a7e4c9f1b3d4e8a8f6c0b5d9e1a3c7f', name: 'platform-images' },
  dataScience: { id: '6d3b8f1e4a2c4b7d9e0f5a8c1b6d3e9a', name: 'data-science' },
  community: { id: '9e5a1c7d3f8b4a2e8d6c4b0f2a9e7c1d', name: 'community-builders' },
  lockedDown: { id: '4b9d2e6a8c1f4e3b7a5d9c2e6f8b1a4d', name: 'locked-down', imagesForbidden: true },
});

const equal = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export class SandboxIdentity {
  readonly projects = new Map<string, SandboxProject>();
  readonly users = new Map<string, SandboxUser>();
  readonly appCredentials = new Map<string, SandboxAppCredential>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly tokenLifetimeMs = 3_600_000) {
    for (const project of Object.values(SANDBOX_PROJECTS)) this.projects.set(project.id, { ...project });
    const demo = this.addUser('demo', OPENSTACK_SANDBOX_DEMO.password, {
      [SANDBOX_PROJECTS.demo.id]: ['member', 'reader'],
    });
    this.addUser('ops', 'hangar-sandbox-ops-password', {
      [SANDBOX_PROJECTS.platform.id]: ['admin', 'member', 'reader'],
    });
    this.addUser('locked', 'hangar-sandbox-locked-password', {
      [SANDBOX_PROJECTS.lockedDown.id]: ['reader'],
    });
    this.appCredentials.set(OPENSTACK_SANDBOX_DEMO.applicationCredentialId, {
      id: OPENSTACK_SANDBOX_DEMO.applicationCredentialId,
      name: 'hangar-sandbox',
      secret: OPENSTACK_SANDBOX_DEMO.applicationCredentialSecret,
      userId: demo.id,
      projectId: SANDBOX_PROJECTS.demo.id,
    });
  }

  addUser(name: string, password: string, roles: Record<string, string[]>): SandboxUser {
    const user: SandboxUser = { id: randomBytes(16).toString('hex'), name, password, roles };
    this.users.set(user.id, user);
    return user;
  }

  userByName(name: string): SandboxUser | undefined {
    return [...this.users.values()].find((user) => user.name === name);
  }

  projectByName(name: string): SandboxProject | undefined {
    return [...this.projects.values()].find((project) => project.name === name);
  }

  checkPassword(user: SandboxUser, password: string): boolean {
    return equal(user.password, password);
  }

  checkAppCredential(id: string, secret: string): SandboxAppCredential | null {
    const credential = this.appCredentials.get(id);
    return credential && equal(credential.secret, secret) ? credential : null;
  }

  /** A Fernet-looking opaque token ("gAAAAAB…"), remembered until it expires. */
  issue(
    userId: string,
    projectId: string | null,
    methods: string[],
    now = new Date(),
  ): { id: string; token: IssuedToken } {
    const user = this.users.get(userId);
    const token: IssuedToken = {
      userId,
      projectId,
      roles: projectId ? (user?.roles[projectId] ?? []) : [],
      methods,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.tokenLifetimeMs),
    };
    const id = `gAAAAAB${randomBytes(135).toString('base64url')}`;
    this.tokens.set(id, token);
    return { id, token };
  }

  /** The live token behind an X-Auth-Token, or null (unknown or expired). */
  resolve(tokenId: string | undefined, now = new Date()): IssuedToken | null {
    if (!tokenId) return null;
    const token = this.tokens.get(tokenId);
    if (!token) return null;
    if (token.expiresAt <= now) {
      this.tokens.delete(tokenId);
      return null;
    }
    return token;
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}
