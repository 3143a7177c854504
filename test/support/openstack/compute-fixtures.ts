/** Small helpers for the OpenStack compute tests: recorded requests, refusals, polling, ssh-keygen. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { CloudError } from '../../../main/providers/driver';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A fetch that records what the driver sends and lets a test answer one request itself (to
 * make the cloud refuse at an exact step); everything else goes to the real server.
 */
export function recordingFetch(answer?: (request: Recorded) => Response | null): {
  fetch: typeof fetch;
  requests: Recorded[];
} {
  const requests: Recorded[] = [];
  const recording: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    let body: unknown = init?.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        // kept as text
      }
    }
    const request: Recorded = { method: init?.method ?? 'GET', url: String(input), headers, body };
    requests.push(request);
    return answer?.(request) ?? fetch(input, init);
  };
  return { fetch: recording, requests };
}

export async function failureOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Polling interval between probes of a state that changes on the server's clock.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The public key ssh-keygen derives from a private key file: proof the file is a usable key. */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-key-'));
  try {
    const file = join(dir, 'id');
    await writeFile(file, privateKey, { mode: 0o600 });
    const { stdout } = await promisify(execFile)('ssh-keygen', ['-y', '-f', file]);
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Nova's fingerprint of an OpenSSH public key line: MD5 of the key blob, colon-separated. */
export const md5Fingerprint = (publicKey: string): string =>
  (
    createHash('md5')
      .update(Buffer.from(publicKey.split(/\s+/)[1] ?? '', 'base64'))
      .digest('hex')
      .match(/../g) ?? []
  ).join(':');
