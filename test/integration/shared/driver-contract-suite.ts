import { describe, expect, it } from 'vitest';
import type { CloudDriver, ImageListScope } from '../../../main/providers/driver';
import { CloudError } from '../../../main/providers/driver';
import type { ProviderModule } from '../../../main/providers/provider-module';
import type { StoredImage } from '../../../main/catalog/stored-image';

/** Faults every stand-in can inject; a real server (Glance, vcsim) may support none. */
export type FaultKind =
  | 'latency'
  | 'throttle-429'
  | 'unavailable-503'
  | 'malformed-body'
  | 'truncated-page'
  | 'repeated-page-token';

export interface DriverSuiteTarget<Connection, Secret> {
  provider: ProviderModule<Connection, Secret>;
  connection: Connection;
  secret: Secret;
  /** One source to list; it must hold at least `minImages` images, across at least two pages. */
  scope: ImageListScope;
  minImages: number;
  /** Small enough that `scope` spans several pages. */
  pageSize: number;
  /** The same account with a wrong secret. */
  wrongSecret: Secret;
  /** The same account pointed at a closed port. */
  unreachable: Connection;
  /** Arms one fault for the next list call; absent when the server cannot inject faults. */
  injectFault?: (kind: FaultKind) => void;
  clearFaults?: () => void;
  /**
   * Ids for `getImage`, when the driver has it: `existingId` is one of `scope`'s listed images,
   * `missingId` is well formed but names no image; both looked up at `location`.
   */
  lookup?: { existingId: string; missingId: string; location: string };
}

const osVocabulary =
  /^(arch|centos|debian|fedora|freebsd|gentoo|mandrake|mandriva|mes|msdos|netbsd|netware|openbsd|opensolaris|opensuse|rhel|sled|ubuntu|windows|rocky|almalinux|amzn|sles|suse|cos|coreos|flatcar|photon|oracle|unknown)$/;

async function list(
  target: DriverSuiteTarget<unknown, unknown>,
  driver?: CloudDriver,
  signal?: AbortSignal,
): Promise<StoredImage[]> {
  const d =
    driver ?? target.provider.createDriver(target.connection, target.secret, { pageSize: target.pageSize });
  return d.listImages(target.scope, () => undefined, signal);
}

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(CloudError);
  return error as CloudError;
}

/**
 * What every cloud driver must do, run against each cloud's real server or protocol-exact stand-in
 * over real HTTP. Call it in a file that starts the server: `describeDriverContract('gcp', () => target)`.
 */
export function describeDriverContract<C, S>(name: string, getTarget: () => DriverSuiteTarget<C, S>): void {
  const target = () => getTarget() as DriverSuiteTarget<unknown, unknown>;

  describe(`${name} driver contract`, () => {
    it('tests its connection', async () => {
      const t = target();
      const check = await t.provider.createDriver(t.connection, t.secret).testConnection(t.scope.location);
      expect(check).toMatchObject({ ok: true, code: 'ok' });
    });

    it('lists every image of a source across pages, mapped to the common model', async () => {
      const t = target();
      const pages: number[] = [];
      const images = await t.provider
        .createDriver(t.connection, t.secret, { pageSize: t.pageSize })
        .listImages(t.scope, (progress) => pages.push(progress.pages));
      expect(images.length).toBeGreaterThanOrEqual(t.minImages);
      expect(Math.max(...pages)).toBeGreaterThanOrEqual(2);
      expect(new Set(images.map((i) => i.cloudId)).size).toBe(images.length);
      for (const image of images) {
        expect(image.cloudId).not.toBe('');
        expect(image.name).not.toBe('');
        expect(image.osFamily).toMatch(osVocabulary);
        if (image.createdAt) expect(Number.isNaN(Date.parse(image.createdAt))).toBe(false);
        if (image.deprecatesAt) expect(Number.isNaN(Date.parse(image.deprecatesAt))).toBe(false);
        expect(() => JSON.stringify(image.raw)).not.toThrow();
      }
    });

    it('says the credentials are wrong, in words, without the secret', async () => {
      const t = target();
      const driver = t.provider.createDriver(t.connection, t.wrongSecret, { pageSize: t.pageSize });
      const check = await driver.testConnection(t.scope.location);
      expect(check).toMatchObject({ ok: false, code: 'bad-credentials' });
      const error = await cloudErrorOf(list(t, driver));
      expect(error.appError.code).toBe('cloud-auth');
      for (const value of Object.values(t.wrongSecret as Record<string, string>)) {
        if (typeof value === 'string' && value.length > 8)
          expect(error.appError.message).not.toContain(value);
      }
    });

    it('says the cloud is unreachable', async () => {
      const t = target();
      const driver = t.provider.createDriver(t.unreachable, t.secret, { pageSize: t.pageSize });
      expect(await driver.testConnection(t.scope.location)).toMatchObject({ ok: false, code: 'unreachable' });
      expect((await cloudErrorOf(list(t, driver))).appError.code).toBe('cloud-unreachable');
    });

    it('stops when cancelled', async () => {
      const t = target();
      const controller = new AbortController();
      controller.abort();
      expect((await cloudErrorOf(list(t, undefined, controller.signal))).appError.code).toBe('cancelled');
    });

    describe('image lookup by id', () => {
      /** The lookup ids, or a skip with the reason when this cloud's target sets none. */
      const lookupOf = (context: { skip: () => void }) => {
        const t = target();
        if (!t.lookup) {
          console.log(`${name}: no lookup ids in the target, so getImage is not exercised here.`);
          context.skip();
        }
        return { t, lookup: t.lookup as NonNullable<DriverSuiteTarget<unknown, unknown>['lookup']> };
      };
      const lookUp = (driver: CloudDriver, location: string, id: string) => {
        expect(driver.capabilities.getImage).toBe(true);
        expect(driver.getImage).toBeTypeOf('function');
        return (driver.getImage as NonNullable<CloudDriver['getImage']>)(location, id);
      };

      it('finds a listed image by its id, as the listing has it', async (context) => {
        const { t, lookup } = lookupOf(context);
        const listed = (await list(t)).find((image) => image.cloudId === lookup.existingId);
        expect(listed, `${lookup.existingId} should be among the listed images`).toBeDefined();
        const found = await lookUp(
          t.provider.createDriver(t.connection, t.secret),
          lookup.location,
          lookup.existingId,
        );
        expect(found).not.toBeNull();
        expect(found).toMatchObject({
          cloudId: listed?.cloudId,
          name: listed?.name,
          state: listed?.state,
        });
        expect(() => JSON.stringify(found?.raw)).not.toThrow();
      });

      it('answers null for an id the cloud does not know', async (context) => {
        const { t, lookup } = lookupOf(context);
        const driver = t.provider.createDriver(t.connection, t.secret);
        expect(await lookUp(driver, lookup.location, lookup.missingId)).toBeNull();
      });

      it('says the cloud is unreachable', async (context) => {
        const { t, lookup } = lookupOf(context);
        const driver = t.provider.createDriver(t.unreachable, t.secret);
        const error = await cloudErrorOf(lookUp(driver, lookup.location, lookup.existingId));
        expect(error.appError.code).toBe('cloud-unreachable');
      });

      it('says the credentials are wrong, without the secret', async (context) => {
        const { t, lookup } = lookupOf(context);
        const driver = t.provider.createDriver(t.connection, t.wrongSecret);
        const error = await cloudErrorOf(lookUp(driver, lookup.location, lookup.existingId));
        expect(error.appError.code).toBe('cloud-auth');
        for (const value of Object.values(t.wrongSecret as Record<string, string>)) {
          if (typeof value === 'string' && value.length > 8)
            expect(error.appError.message).not.toContain(value);
        }
      });
    });

    describe('faults', () => {
      const kinds: FaultKind[] = [
        'latency',
        'throttle-429',
        'unavailable-503',
        'malformed-body',
        'truncated-page',
        'repeated-page-token',
      ];
      for (const kind of kinds) {
        it(`survives ${kind}: the whole source or a clear error, never duplicates or a silent loss`, async (context) => {
          const t = target();
          if (!t.injectFault) {
            console.log(
              `${name}: fault "${kind}" not injected: a real server cannot; the stand-ins cover it.`,
            );
            context.skip();
            return;
          }
          const expected = new Set((await list(t)).map((i) => i.cloudId));
          t.injectFault(kind);
          try {
            const images = await list(t);
            expect(new Set(images.map((i) => i.cloudId)).size).toBe(images.length);
            expect(new Set(images.map((i) => i.cloudId))).toEqual(expected);
          } catch (error) {
            // Only faults that cannot be retried may fail, and then as a CloudError the UI can show.
            expect(['malformed-body', 'truncated-page', 'repeated-page-token']).toContain(kind);
            expect(error).toBeInstanceOf(CloudError);
          } finally {
            t.clearFaults?.();
          }
        });
      }
    });
  });
}
