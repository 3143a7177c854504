import { createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);

/** Scopes that allow images.list / get / getFromFamily. */
export const COMPUTE_READ_SCOPES = [
  'https://www.googleapis.com/auth/compute.readonly',
  'https://www.googleapis.com/auth/compute',
  'https://www.googleapis.com/auth/cloud-platform',
  'https://www.googleapis.com/auth/cloud-platform.read-only',
] as const;

export interface ServiceAccount {
  email: string;
  projectId: string;
  clientId: string;
  /** Public halves of the keys Google would accept, by private_key_id. */
  keys: Map<string, KeyObject>;
}

export interface IssuedToken {
  principal: string;
  scopes: readonly string[];
  expiresAt: number;
}

/** A service-account key file as the Cloud console downloads it. */
export interface ServiceAccountKeyFile {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: 'googleapis.com';
}

/**
 * The stand-in's IAM: service accounts with their registered public keys, and the bearer tokens
 * the token endpoint has issued. Private keys are handed out once, in key files, never kept.
 */
export class GcpIdentities {
  private readonly accounts = new Map<string, ServiceAccount>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number = Date.now) {}

  addServiceAccount(email: string, projectId: string): ServiceAccount {
    const account: ServiceAccount = {
      email,
      projectId,
      // Google's client ids are 21 decimal digits.
      clientId: `1${Array.from(randomBytes(20), (byte) => byte % 10).join('')}`,
      keys: new Map(),
    };
    this.accounts.set(email, account);
    return account;
  }

  account(email: string): ServiceAccount | undefined {
    return this.accounts.get(email);
  }

  /**
   * A new RSA key for the account, as a key file whose token_uri is the stand-in's. Unregistered
   * keys are well-formed but unknown to Google: what a deleted or foreign key looks like.
   */
  async createKeyFile(
    email: string,
    tokenUri: string,
    options: { register?: boolean } = {},
  ): Promise<string> {
    const account = this.accounts.get(email);
    if (!account) throw new Error(`no service account ${email}`);
    const { privateKey, publicKey } = await generateRsa('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const keyId = randomBytes(20).toString('hex');
    if (options.register ?? true) account.keys.set(keyId, createPublicKey(publicKey));
    const file: ServiceAccountKeyFile = {
      type: 'service_account',
      project_id: account.projectId,
      private_key_id: keyId,
      private_key: privateKey,
      client_email: account.email,
      client_id: account.clientId,
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(account.email)}`,
      universe_domain: 'googleapis.com',
    };
    return JSON.stringify(file, null, 2);
  }

  /** A bearer token in Google's format (`ya29.` …), valid for `ttlSeconds`. */
  mintToken(principal: string, scopes: readonly string[], ttlSeconds = 3599): string {
    const token = `ya29.c.${randomBytes(96).toString('base64url')}`;
    this.tokens.set(token, { principal, scopes, expiresAt: this.now() + ttlSeconds * 1000 });
    return token;
  }

  /** The token's grant, or undefined when it is unknown or expired. */
  resolveToken(token: string): IssuedToken | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  revokeAllTokens(): void {
    this.tokens.clear();
  }
}
