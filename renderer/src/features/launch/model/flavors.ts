import type { Flavor } from '@contract/index';

/** "512 MiB", "4 GiB", "1.5 GiB". */
export function formatMemory(memoryMiB: number): string {
  if (memoryMiB < 1024) return `${memoryMiB} MiB`;
  const gib = memoryMiB / 1024;
  return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
}

export function formatDisk(diskGb: number | null): string {
  return diskGb === null || diskGb <= 0 ? 'separate volume' : `${diskGb} GB`;
}

/** Smallest first: fewer vCPUs, then less memory, then a smaller disk, then by name. */
export function compareFlavors(a: Flavor, b: Flavor): number {
  return (
    a.vcpus - b.vcpus ||
    a.memoryMiB - b.memoryMiB ||
    (a.diskGb ?? 0) - (b.diskGb ?? 0) ||
    a.name.localeCompare(b.name)
  );
}

/** The sensible default: the smallest flavor that can take the image; '' when none can. */
export function defaultFlavorId(flavors: readonly Flavor[]): string {
  return [...flavors].filter((f) => f.unfitReason === null).sort(compareFlavors)[0]?.id ?? '';
}

/** A chosen flavor that still exists and fits, else the default. */
export function resolveFlavorId(chosen: string, flavors: readonly Flavor[]): string {
  const flavor = flavors.find((f) => f.id === chosen);
  return flavor && flavor.unfitReason === null ? flavor.id : defaultFlavorId(flavors);
}

/** A size as one word: "4 vcpu" → "4vcpu", "16 GiB" → "16gib". */
const SIZE = /^\d+(?:\.\d+)?(?:vcpu|gib|mib|gb)$/;
const joinSizes = (text: string) =>
  text
    .toLowerCase()
    .replace(/(\d)\s+(vcpus?|gib|mib|gb)\b/g, '$1$2')
    .replace(/vcpus\b/g, 'vcpu');

/**
 * The filter box: every word must match the flavor's name or id or architecture, or be one of its
 * sizes as the table writes them ("4 vcpu", "16 gib", exactly: "4 vcpu" is not "64 vcpu"); so
 * "m5 large" or "arm64 8 gib" both work.
 */
export function filterFlavors(flavors: readonly Flavor[], text: string): Flavor[] {
  const words = joinSizes(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...flavors];
  return flavors.filter((flavor) => {
    const names = [flavor.name, flavor.id, flavor.architecture ?? ''].map((n) => n.toLowerCase());
    const sizes = [
      `${flavor.vcpus} vcpu`,
      formatMemory(flavor.memoryMiB),
      flavor.diskGb ? `${flavor.diskGb} gb` : '',
    ].map(joinSizes);
    return words.every((word) =>
      SIZE.test(word) ? sizes.includes(word) : names.some((n) => n.includes(word)),
    );
  });
}
