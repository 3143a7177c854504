import type { GcpImageResource } from './gcp-image-resource';
import { seedPublicProject, type ProjectPolicy } from './gcp-seed-builder';
import { DEBIAN_CLOUD, RHEL_CLOUD, ROCKY_LINUX_CLOUD, UBUNTU_OS_CLOUD } from './gcp-seed-linux';
import { seedOwnProject } from './gcp-seed-own';
import { COS_CLOUD, WINDOWS_CLOUD } from './gcp-seed-windows-cos';

/** Google's public image projects (any authenticated caller may list them). */
export const GCP_PUBLIC_IMAGE_PROJECTS = [
  'centos-cloud',
  'cos-cloud',
  'debian-cloud',
  'fedora-cloud',
  'fedora-coreos-cloud',
  'opensuse-cloud',
  'rhel-cloud',
  'rhel-sap-cloud',
  'rocky-linux-cloud',
  'suse-cloud',
  'suse-sap-cloud',
  'ubuntu-os-cloud',
  'ubuntu-os-pro-cloud',
  'windows-cloud',
  'windows-sql-cloud',
] as const;

/** The public projects the stand-in fills; the others exist but hold no images. */
const SEEDED: readonly ProjectPolicy[] = [
  DEBIAN_CLOUD,
  UBUNTU_OS_CLOUD,
  RHEL_CLOUD,
  ROCKY_LINUX_CLOUD,
  WINDOWS_CLOUD,
  COS_CLOUD,
];

const byName = (a: GcpImageResource, b: GcpImageResource): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * The stand-in's images per project, generated on first use and cached: deterministic for a given
 * reference date, listed in name order as Compute lists them.
 */
export class GcpCatalog {
  private readonly byProject = new Map<string, GcpImageResource[]>();

  constructor(
    readonly reference: Date,
    readonly ownProjects: readonly string[],
  ) {}

  isPublic(project: string): boolean {
    return (GCP_PUBLIC_IMAGE_PROJECTS as readonly string[]).includes(project);
  }

  exists(project: string): boolean {
    return this.isPublic(project) || this.ownProjects.includes(project);
  }

  images(project: string): readonly GcpImageResource[] {
    let images = this.byProject.get(project);
    if (!images) {
      const policy = SEEDED.find((p) => p.project === project);
      images = policy
        ? seedPublicProject(policy, this.reference)
        : this.ownProjects.includes(project)
          ? seedOwnProject(project, this.reference)
          : [];
      images.sort(byName);
      this.byProject.set(project, images);
    }
    return images;
  }

  image(project: string, name: string): GcpImageResource | undefined {
    return this.images(project).find((image) => image.name === name);
  }

  /** Adds an image the project made (`images.insert`), in name order; list and get see it at once. */
  add(project: string, image: GcpImageResource): void {
    const images = this.images(project) as GcpImageResource[];
    images.push(image);
    images.sort(byName);
  }

  /** Deletes one image, as `images.delete` would; false when the project holds no such image. */
  remove(project: string, name: string): boolean {
    if (!this.exists(project)) return false;
    this.images(project);
    const images = this.byProject.get(project);
    const index = images?.findIndex((image) => image.name === name) ?? -1;
    if (!images || index < 0) return false;
    images.splice(index, 1);
    return true;
  }

  /** What `images.getFromFamily` answers: the newest READY image of the family that is not deprecated. */
  latestInFamily(project: string, family: string): GcpImageResource | undefined {
    let best: GcpImageResource | undefined;
    for (const image of this.images(project)) {
      if (image.family !== family || image.status !== 'READY') continue;
      if (image.deprecated && image.deprecated.state !== 'ACTIVE') continue;
      if (!best || Date.parse(image.creationTimestamp) > Date.parse(best.creationTimestamp)) best = image;
    }
    return best;
  }

  /** Every image of every seeded project (for counts and tests). */
  all(): GcpImageResource[] {
    return [...GCP_PUBLIC_IMAGE_PROJECTS, ...this.ownProjects].flatMap((project) => [
      ...this.images(project),
    ]);
  }
}
