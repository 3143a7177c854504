import { describe, expect, it } from 'vitest';
import type {
  ComputeDriver,
  LaunchSpec,
  ServerState,
  ServerStatus,
} from '../../../main/providers/compute-driver';
import type { CloudDriver } from '../../../main/providers/driver';
import { CloudError } from '../../../main/providers/driver';

export interface ComputeSuiteTarget {
  compute: ComputeDriver;
  /** The same account's catalog driver: captures and deletions are checked through getImage. */
  images: CloudDriver;
  location: string;
  /** A launchable image and a spec the cloud accepts for it (name and count are set by the suite). */
  spec: Omit<LaunchSpec, 'name' | 'count'>;
  /** Changes the spec so the cloud refuses it (a subnet that does not exist, a quota exceeded …). */
  breakSpec: (spec: LaunchSpec) => LaunchSpec;
  /** Words the cloud's refusal must contain, e.g. /subnet/i. */
  refusal: RegExp;
  /** Upper bound for a build to reach running, and for a capture to become available. */
  timeoutMs: number;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const reaches = (t: ComputeSuiteTarget, serverId: string, states: ServerState[]) =>
  until<ServerStatus>(`server ${serverId} to be ${states.join('/')}`, t.timeoutMs, async () => {
    const status = await t.compute.getServer(t.location, serverId);
    return status && states.includes(status.state) ? status : null;
  });

/**
 * What every cloud's compute driver must do, over real HTTP against its stand-in or real server:
 * list what the launch dialog offers, launch and follow a build to running, refuse a bad spec with
 * the cloud's reason, capture, deprecate, and delete an image only after its servers are gone.
 */
export function describeComputeContract(name: string, getTarget: () => ComputeSuiteTarget): void {
  describe(`${name} compute contract`, () => {
    it('lists flavors with their size and networks with subnets', async () => {
      const t = getTarget();
      const flavors = await t.compute.listFlavors(t.location);
      expect(flavors.length).toBeGreaterThan(0);
      for (const flavor of flavors) {
        expect(flavor.vcpus).toBeGreaterThan(0);
        expect(flavor.memoryMiB).toBeGreaterThan(0);
      }
      expect(flavors.map((f) => f.id)).toContain(t.spec.flavorId);
      const networks = await t.compute.listNetworks(t.location);
      if (t.spec.networkId) expect(networks.map((n) => n.id)).toContain(t.spec.networkId);
    });

    it('launches, follows the build to running with an address, and terminates', async () => {
      const t = getTarget();
      const { serverIds } = await t.compute.launch({ ...t.spec, name: `suite-${name}-run`, count: 1 });
      expect(serverIds).toHaveLength(1);
      const running = await reaches(t, serverIds[0]!, ['running']);
      expect(running.addresses.length).toBeGreaterThan(0);
      const users = await t.compute.serversUsingImage(t.location, t.spec.imageId);
      expect(users.map((s) => s.id)).toContain(serverIds[0]);
      await t.compute.terminate(t.location, serverIds[0]!);
      await until('termination', t.timeoutMs, async () => {
        const status = await t.compute.getServer(t.location, serverIds[0]!);
        return status === null || status.state === 'terminated' ? true : null;
      });
      const after = await t.compute.serversUsingImage(t.location, t.spec.imageId);
      expect(after.map((s) => s.id)).not.toContain(serverIds[0]);
    });

    it("refuses a spec the cloud will not take, with the cloud's reason", async () => {
      const t = getTarget();
      const spec = t.breakSpec({ ...t.spec, name: `suite-${name}-bad`, count: 1 });
      const error = await t.compute.launch(spec).then(
        (result) => {
          // Some clouds accept the request and fail the build: that must surface as a failed server.
          return result;
        },
        (e: unknown) => e,
      );
      if (error instanceof CloudError) {
        expect(error.appError.message).toMatch(t.refusal);
        return;
      }
      const { serverIds } = error as { serverIds: string[] };
      const failed = await reaches(t, serverIds[0]!, ['failed']);
      expect(failed.reason ?? '').toMatch(t.refusal);
    });

    it('captures an image from a server, deprecates it, and deletes it once no server uses it', async (context) => {
      const t = getTarget();
      if (!t.compute.captureImage) {
        context.skip(`${name}: ${t.compute.compute.capture.reason ?? 'no capture'}`);
        return;
      }
      const { serverIds } = await t.compute.launch({ ...t.spec, name: `suite-${name}-cap`, count: 1 });
      await reaches(t, serverIds[0]!, ['running']);
      const { imageId } = await t.compute.captureImage(
        t.location,
        serverIds[0]!,
        `suite-${name}-captured`,
        'suite',
      );
      const image = await until('the captured image', t.timeoutMs, async () => {
        const found = await t.images.getImage!(t.location, imageId);
        return found && ['available', 'active', 'ready', 'succeeded'].includes(found.state.toLowerCase())
          ? found
          : null;
      });
      expect(image.name).toBe(`suite-${name}-captured`);
      if (t.compute.deprecateImage) {
        const at = new Date(Date.now() + 30 * 86_400_000);
        await t.compute.deprecateImage(t.location, imageId, at);
        const deprecated = await t.images.getImage!(t.location, imageId);
        expect(deprecated?.deprecatesAt ?? deprecated?.deprecationState).toBeTruthy();
        await t.compute.deprecateImage(t.location, imageId, null);
      }
      await t.compute.terminate(t.location, serverIds[0]!);
      if (t.compute.deleteImage) {
        await t.compute.deleteImage(t.location, imageId);
        await until('the deletion', t.timeoutMs, async () =>
          (await t.images.getImage!(t.location, imageId)) === null ? true : null,
        );
      }
    });
  });
}
