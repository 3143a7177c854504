import type { Flavor } from '../../compute-driver';
import { dict, num, str, type ComputeCall, type Dict } from './compute-context';
import { listAll } from './paged-list';

/** Flavors pin an architecture through a scheduler hint or a required trait, when they do at all. */
function architectureOf(extraSpecs: Dict | null): string | null {
  if (!extraSpecs) return null;
  const declared = str(extraSpecs['capabilities:cpu_arch']) ?? str(extraSpecs['hw:cpu_arch']);
  const raw =
    declared ??
    (extraSpecs['trait:HW_ARCH_AARCH64'] === 'required'
      ? 'aarch64'
      : extraSpecs['trait:HW_ARCH_X86_64'] === 'required'
        ? 'x86_64'
        : null);
  if (raw === null) return null;
  const word = raw.trim().toLowerCase();
  return word === 'aarch64' ? 'arm64' : word === 'amd64' ? 'x86_64' : word;
}

function readFlavor(entry: unknown): Flavor | null {
  const flavor = dict(entry);
  const id = str(flavor?.id);
  if (!flavor || !id || flavor['OS-FLV-DISABLED:disabled'] === true) return null;
  const disk = num(flavor.disk);
  return {
    id,
    name: str(flavor.name) ?? id,
    vcpus: num(flavor.vcpus) ?? 0,
    memoryMiB: num(flavor.ram) ?? 0,
    // 0 means "as large as the image": the flavor brings no fixed root disk.
    diskGb: disk !== null && disk > 0 ? disk : null,
    architecture: architectureOf(dict(flavor.extra_specs)),
  };
}

/** GET /flavors/detail, every page: the public flavors and the private ones the project may use. */
export async function listFlavors(call: ComputeCall): Promise<Flavor[]> {
  const nova = await call.nova();
  const flavors = await listAll(call.sessions, {
    type: 'compute',
    region: call.region,
    path: '/flavors/detail',
    headers: nova.headers,
    collection: 'flavors',
    read: readFlavor,
    keyOf: (flavor) => flavor.id,
    signal: call.signal,
  });
  return flavors.sort(
    (a, b) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || a.name.localeCompare(b.name),
  );
}
