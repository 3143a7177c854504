import { createPrng } from '../prng';
import type { SandboxGlanceImage } from './glance-query';
import { ImageFactory } from './seed-image-factory';
import { familyBuilds, PLATFORM_FAMILIES } from './seed-platform';
import { communityImages, demoImages, otherPrivateImages, sharedWithDemo } from './seed-projects';

/**
 * The stand-in cloud's images per region, deterministic for a reference date. The first region is
 * the busy one (four retained builds per family, every project's images); the others carry the
 * operators' two newest builds per family, as a secondary site usually does.
 */
export function seedOpenStackImages(
  regions: readonly string[],
  reference: Date,
): Map<string, SandboxGlanceImage[]> {
  const catalog = new Map<string, SandboxGlanceImage[]>();
  regions.forEach((region, index) => {
    const factory = new ImageFactory(createPrng(`openstack:${region}:${reference.toISOString()}`));
    const primary = index === 0;
    const images = PLATFORM_FAMILIES.flatMap((family) =>
      familyBuilds(factory, family, reference, primary ? 4 : 2),
    );
    if (primary) {
      images.push(
        ...communityImages(factory, reference),
        ...sharedWithDemo(factory, reference),
        ...demoImages(factory, reference),
        ...otherPrivateImages(factory, reference),
      );
    }
    catalog.set(region, images);
  });
  return catalog;
}
