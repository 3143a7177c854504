import { createHash } from 'node:crypto';

/** One access key the sandbox accepts, and what its holder may do. */
export interface SandboxCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** The 12-digit account the key belongs to ("self"); derived from the key id when omitted. */
  accountId?: string;
  /** IAM user name shown in UnauthorizedOperation messages. */
  userName?: string;
  allowDescribeImages: boolean;
  /**
   * May launch and manage servers and images (RunInstances, CreateImage, key pairs, security
   * groups …, each named ec2:<Action> when refused). Defaults to true: only tests of a refusal turn it off.
   */
  allowCompute?: boolean;
}

export type ResolvedCredential = Required<SandboxCredential>;

/**
 * The embedded Sandbox account's key. It only opens the local sandbox, so it is not a secret;
 * it is shaped like a real key so every validator and signer treats it as one.
 */
export const SANDBOX_DEMO_CREDENTIAL: Readonly<ResolvedCredential> = Object.freeze({
  accessKeyId: 'AKIASANDBOXDEMO7Q2XK',
  secretAccessKey: 'hangarSandbox/DemoKey+NotASecret0000wJal',
  accountId: '210987654321',
  userName: 'sandbox-demo',
  allowDescribeImages: true,
  allowCompute: true,
});

/** A stable account id for a key that did not name one, so "self" means the same on every run. */
export function accountIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  return String((digest.readBigUInt64BE(0) % 900_000_000_000n) + 100_000_000_000n);
}

export function resolveCredential(credential: SandboxCredential): ResolvedCredential {
  return {
    accessKeyId: credential.accessKeyId,
    secretAccessKey: credential.secretAccessKey,
    accountId: credential.accountId ?? accountIdFor(credential.accessKeyId),
    userName: credential.userName ?? 'hangar',
    allowDescribeImages: credential.allowDescribeImages,
    allowCompute: credential.allowCompute ?? true,
  };
}
