import { createPrng } from './prng';
import type { SandboxImage } from './sandbox-image';
import { addDays, buildImage, isoMillis, yyyymmdd, type ImageDraft, type SeedContext } from './seed-builder';

interface OwnTemplate {
  name: (stamp: string, n: number) => string;
  description: string;
  os: 'ubuntu' | 'al2023' | 'windows';
  arch: 'x86_64' | 'arm64';
  team: string;
}

const TEMPLATES: OwnTemplate[] = [
  {
    name: (s) => `web-frontend-${s}`,
    description: 'Web tier & CDN origin <nginx>, built by Packer from ubuntu-noble-24.04',
    os: 'ubuntu',
    arch: 'x86_64',
    team: 'web',
  },
  {
    name: (_s, n) => `api-golden-v${n}`,
    description: 'API golden image on Amazon Linux 2023',
    os: 'al2023',
    arch: 'arm64',
    team: 'platform',
  },
  {
    name: (s) => `base-ubuntu-22.04-hardened-${s}`,
    description: 'CIS-hardened Ubuntu 22.04 base',
    os: 'ubuntu',
    arch: 'x86_64',
    team: 'security',
  },
  {
    name: (s) => `windows-2022-iis-${s}`,
    description: 'Windows Server 2022 with IIS',
    os: 'windows',
    arch: 'x86_64',
    team: 'web',
  },
  {
    name: (s) => `ci-runner-arm64-${s}`,
    description: 'CI runner on Amazon Linux 2023 (Graviton)',
    os: 'al2023',
    arch: 'arm64',
    team: 'devex',
  },
  {
    name: (_s, n) => `data-worker-v${n}`,
    description: 'Batch worker on Ubuntu 24.04',
    os: 'ubuntu',
    arch: 'x86_64',
    team: 'data',
  },
];

function osDraft(
  template: OwnTemplate,
): Pick<ImageDraft, 'platform' | 'platformDetails' | 'usageOperation' | 'rootDeviceName' | 'volumeSize'> {
  if (template.os === 'windows') {
    return {
      platform: 'windows',
      platformDetails: 'Windows',
      usageOperation: 'RunInstances:0002',
      rootDeviceName: '/dev/sda1',
      volumeSize: 50,
    };
  }
  return { rootDeviceName: template.os === 'ubuntu' ? '/dev/sda1' : '/dev/xvda', volumeSize: 16 };
}

/**
 * An account's private images in one region: a few builds of each template, the newest one
 * still pending, one failed, one disabled and one the owner deprecated (owners still see it).
 */
export function seedOwnImages(accountId: string, region: string, reference: Date): SandboxImage[] {
  const prng = createPrng(`own:${accountId}:${region}`);
  const images: SandboxImage[] = [];
  const ctx: SeedContext = {
    region,
    prng,
    reference,
    windowStart: addDays(reference, -400),
    keepRatio: 1,
    emit: (image) => images.push(image),
  };
  TEMPLATES.forEach((template, t) => {
    const builds = prng.int(1, 3);
    for (let n = 1; n <= builds; n += 1) {
      // The first template's newest build was registered minutes ago and is still pending.
      const created =
        t === 0 && n === 1
          ? new Date(reference.getTime() - 12 * 60_000)
          : addDays(reference, -prng.int(2, 380));
      const draft: ImageDraft = {
        ...osDraft(template),
        name: template.name(yyyymmdd(created), n + t * 3),
        description: template.description,
        ownerId: accountId,
        architecture: template.arch,
        created,
        volumeType: 'gp3',
        encrypted: true,
        public: false,
        tags: [
          { key: 'Name', value: template.name(yyyymmdd(created), n + t * 3) },
          { key: 'team', value: template.team },
          { key: 'built-by', value: 'packer' },
        ],
      };
      images.push(buildImage(ctx, draft));
    }
  });
  const pick = (i: number): SandboxImage | undefined => images[i % images.length];
  const pending = pick(0);
  if (pending) pending.state = 'pending';
  const failed = pick(2);
  if (failed) {
    failed.state = 'failed';
    failed.stateReason = {
      code: 'Client.InvalidSnapshot.NotFound',
      message: 'The snapshot backing this image was deleted',
    };
  }
  const disabled = pick(4);
  if (disabled) disabled.state = 'disabled';
  const retired = pick(5);
  if (retired) retired.deprecationTime = isoMillis(addDays(reference, -30));
  return images;
}
