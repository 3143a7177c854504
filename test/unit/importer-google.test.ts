import { describe, expect, it } from 'vitest';
import { importGoogleKeyFile } from '../../main/importers/google-key-file';
import { fakePrivateKeyPem, fakeServiceAccountKey } from './fixtures/importers/fake-credentials';

const PATH = '/home/fake/keys/hangar-reader.json';
const PEM = fakePrivateKeyPem('GOOGLE1');

describe('importGoogleKeyFile', () => {
  it('turns a service-account key into a gcp draft carrying the whole key', () => {
    const text = fakeServiceAccountKey('fake-project-123', PEM);
    const result = importGoogleKeyFile({ path: PATH, text }, 'GOOGLE_APPLICATION_CREDENTIALS');
    expect(result.errors).toEqual([]);
    const [candidate] = result.candidates;
    expect(candidate).toMatchObject({
      source: `GOOGLE_APPLICATION_CREDENTIALS → ${PATH}`,
      name: 'GCP fake-project-123',
      needsSecret: false,
      problems: [],
    });
    expect(candidate?.draft?.cloud).toBe('gcp');
    expect(candidate?.draft?.connection).toEqual({ projectId: 'fake-project-123', imageProjects: [] });
    const secret = candidate?.draft?.secret;
    expect(secret && 'kind' in secret && secret.kind).toBe('service-account');
    const keyJson = secret && 'keyJson' in secret ? secret.keyJson : '';
    expect(JSON.parse(keyJson)).toEqual(JSON.parse(text));
    expect(candidate?.note).toContain('hangar-reader@fake-project-123.iam.gserviceaccount.com');
  });

  it('reads CRLF and BOM-prefixed files the same way', () => {
    const text = fakeServiceAccountKey('fake-project-123', PEM);
    const plain = importGoogleKeyFile({ path: PATH, text });
    expect(importGoogleKeyFile({ path: PATH, text: `\uFEFF${text.replace(/\n/g, '\r\n')}` })).toEqual(plain);
  });

  it('explains that a user login (authorized_user) is not supported', () => {
    const text = JSON.stringify({
      type: 'authorized_user',
      client_id: 'fake.apps.googleusercontent.com',
      client_secret: 'FAKE-client-secret-gcp-Qz7vXw',
      refresh_token: 'FAKE-refresh-token-gcp-Qz7vXw',
    });
    const [candidate] = importGoogleKeyFile({ path: PATH, text }).candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems).toHaveLength(1);
    expect(candidate?.problems[0]).toContain('user login');
    expect(candidate?.problems[0]).toContain('only service-account keys');
  });

  it.each([
    [{ type: 'external_account', audience: 'fake' }, '"external_account" credential'],
    [{ project_id: 'fake-project-123' }, 'no "type" field'],
  ])('rejects other credential types: %j', (key, message) => {
    const [candidate] = importGoogleKeyFile({ path: PATH, text: JSON.stringify(key) }).candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems[0]).toContain(message);
  });

  it('lists the fields a service-account key lacks', () => {
    const text = JSON.stringify({ type: 'service_account', project_id: 'fake-project-123' });
    const [candidate] = importGoogleKeyFile({ path: PATH, text }).candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems).toEqual(['The service-account key lacks client_email, private_key.']);
  });

  it('reports a private_key that is not PEM and a project id the contract refuses', () => {
    const text = fakeServiceAccountKey('example.com:fake-project', 'FAKE-not-a-pem-Qz7vXw');
    const [candidate] = importGoogleKeyFile({ path: PATH, text }).candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems).toEqual([
      'private_key is not a PEM private key; download the key file again.',
    ]);

    const domainScoped = importGoogleKeyFile({
      path: PATH,
      text: fakeServiceAccountKey('example.com:fake-project', PEM),
    });
    expect(domainScoped.candidates[0]?.problems).toEqual([
      'project_id: must be a project id such as debian-cloud or my-project-123',
    ]);
  });

  it('notes a token_uri that is not Google', () => {
    const text = fakeServiceAccountKey('fake-project-123', PEM, { token_uri: 'http://127.0.0.1:9999/token' });
    expect(importGoogleKeyFile({ path: PATH, text }).candidates[0]?.note).toContain('127.0.0.1:9999');
  });

  it('rejects invalid JSON with a line and column, and proposes nothing', () => {
    const text = '{\n  "type": "service_account",\n  "project_id" "fake-project-123"\n}\n';
    const result = importGoogleKeyFile({ path: PATH, text });
    expect(result.candidates).toEqual([]);
    expect(result.errors).toEqual([
      `${PATH} is not valid JSON (line 3, column 16). Nothing was imported from it.`,
    ]);
  });

  it('rejects a truncated file and a JSON value that is not an object', () => {
    expect(importGoogleKeyFile({ path: PATH, text: '{"type": "service_' }).errors[0]).toContain(
      'not valid JSON',
    );
    expect(importGoogleKeyFile({ path: PATH, text: '' }).errors[0]).toContain('not valid JSON');
    expect(importGoogleKeyFile({ path: PATH, text: '["service_account"]' }).errors).toEqual([
      `${PATH} is not a Google credentials file: it holds no JSON object. Nothing was imported from it.`,
    ]);
  });
});
