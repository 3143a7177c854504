import type { Cloud } from '@contract/index';

/**
 * The key two mappings of the same cloud image share. Azure names are case-insensitive
 * (Canonical:UbuntuServer and canonical:ubuntuserver are one image); the other clouds' ids are exact.
 */
export function imageIdentity(m: { cloud: Cloud; location: string; cloudImageId: string }): string {
  const id = m.cloud === 'azure' ? m.cloudImageId.toLowerCase() : m.cloudImageId;
  const location = m.cloud === 'azure' ? m.location.toLowerCase() : m.location;
  return `${m.cloud}\n${location}\n${id}`;
}

/**
 * Whether a mapping holds the same image as a lookup found in another location: the same URN or
 * gallery id (Azure), or the same name from the same owner (an AMI build copied to each region).
 */
export function sameImageElsewhere(
  mapping: { cloud: Cloud; location: string; cloudImageId: string; imageName: string; ownerId: string },
  target: { cloud: Cloud; location: string; cloudImageId: string },
  image: { name: string; ownerId: string },
): boolean {
  if (mapping.cloud !== target.cloud || mapping.location.toLowerCase() === target.location.toLowerCase())
    return false;
  if (mapping.cloud === 'azure' && mapping.cloudImageId.toLowerCase() === target.cloudImageId.toLowerCase())
    return true;
  return mapping.imageName === image.name && mapping.ownerId !== '' && mapping.ownerId === image.ownerId;
}
