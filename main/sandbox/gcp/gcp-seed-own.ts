import { createPrng, type Prng } from '../prng';
import { imageSelfLink, licenseUrl, type GcpArchitecture, type GcpImageResource } from './gcp-image-resource';
import {
  addDays,
  labelFingerprint,
  licenseCode,
  numericId,
  pacificTimestamp,
  yyyymmdd,
} from './gcp-seed-builder';
import { LINUX_ARM_FEATURES, LINUX_X86_FEATURES } from './gcp-seed-linux';

/** A team's golden-image pipeline: one family rebuilt from a public base every few weeks. */
interface Pipeline {
  family: string | null;
  base: string;
  license: string | null;
  arch: GcpArchitecture;
  builds: number;
  everyDays: number;
  disk: number;
  labels: Record<string, string>;
  location: string;
}

const PIPELINES: Pipeline[] = [
  {
    family: 'web-frontend',
    base: 'debian-12-bookworm',
    license: 'debian-cloud/debian-12-bookworm',
    arch: 'X86_64',
    builds: 6,
    everyDays: 21,
    disk: 20,
    labels: { app: 'web-frontend', team: 'platform', env: 'prod', 'built-by': 'packer' },
    location: 'europe-west1',
  },
  {
    family: 'ci-runner',
    base: 'ubuntu-2404-noble-amd64',
    license: 'ubuntu-os-cloud/ubuntu-2404-lts',
    arch: 'X86_64',
    builds: 4,
    everyDays: 14,
    disk: 50,
    labels: { app: 'ci-runner', team: 'devex', 'built-by': 'packer' },
    location: 'eu',
  },
  {
    family: 'ci-runner-arm64',
    base: 'ubuntu-2404-noble-arm64',
    license: 'ubuntu-os-cloud/ubuntu-2404-lts',
    arch: 'ARM64',
    builds: 3,
    everyDays: 14,
    disk: 50,
    labels: { app: 'ci-runner', team: 'devex', 'built-by': 'packer' },
    location: 'eu',
  },
  {
    family: 'postgres-golden',
    base: 'rocky-linux-9-optimized-gcp',
    license: 'rocky-linux-cloud/rocky-linux-9-optimized-gcp',
    arch: 'X86_64',
    builds: 3,
    everyDays: 45,
    disk: 30,
    labels: { app: 'postgres', team: 'data', db: 'postgres16' },
    location: 'europe-west1',
  },
  {
    family: 'win-build-agent',
    base: 'windows-server-2022-dc',
    license: 'windows-cloud/windows-server-2022-dc',
    arch: 'X86_64',
    builds: 2,
    everyDays: 30,
    disk: 64,
    labels: { app: 'build-agent', team: 'devex', os: 'windows' },
    location: 'us',
  },
];

function ownImage(
  prng: Prng,
  project: string,
  name: string,
  created: Date,
  pipeline: Pipeline,
  description: string,
): GcpImageResource {
  const image: GcpImageResource = {
    kind: 'compute#image',
    id: numericId(prng),
    creationTimestamp: pacificTimestamp(created),
    name,
    description,
    sourceType: 'RAW',
    status: 'READY',
    archiveSizeBytes: String(prng.int(pipeline.disk * 0.08e9, pipeline.disk * 0.2e9)),
    diskSizeGb: String(pipeline.disk),
    sourceDisk: `https://www.googleapis.com/compute/v1/projects/${project}/zones/${pipeline.location.includes('-') ? `${pipeline.location}-b` : 'europe-west1-b'}/disks/packer-${prng.hex(10)}`,
    sourceDiskId: numericId(prng),
    selfLink: imageSelfLink(project, name),
    labels: pipeline.labels,
    labelFingerprint: labelFingerprint(prng),
    guestOsFeatures: (pipeline.arch === 'ARM64' ? LINUX_ARM_FEATURES : LINUX_X86_FEATURES).map((type) => ({
      type,
    })),
    storageLocations: [pipeline.location],
    architecture: pipeline.arch,
  };
  if (pipeline.family) image.family = pipeline.family;
  if (pipeline.license) {
    image.licenses = [licenseUrl(pipeline.license)];
    image.licenseCodes = [licenseCode(pipeline.license)];
  }
  return image;
}

/**
 * The demo account's own images: a few golden-image families (older builds deprecated by the
 * team), one build still PENDING, one that FAILED, and two legacy imports.
 */
export function seedOwnProject(project: string, reference: Date): GcpImageResource[] {
  const prng = createPrng(`gcp-own:${project}`);
  const images: GcpImageResource[] = [];
  for (const pipeline of PIPELINES) {
    const builds: GcpImageResource[] = [];
    for (let n = pipeline.builds; n >= 1; n -= 1) {
      const created = addDays(reference, -n * pipeline.everyDays - prng.int(0, 3));
      const name = `${pipeline.family}-${yyyymmdd(created)}-${prng.hex(6)}`;
      builds.push(ownImage(prng, project, name, created, pipeline, `Built by Packer from ${pipeline.base}`));
    }
    const latest = builds.at(-1) as GcpImageResource;
    for (const older of builds.slice(0, -1))
      older.deprecated = { state: 'DEPRECATED', replacement: latest.selfLink };
    images.push(...builds);
  }
  const [web, ci] = PIPELINES as [Pipeline, Pipeline];
  const failedAt = addDays(reference, -2);
  const failed = ownImage(
    prng,
    project,
    `web-frontend-${yyyymmdd(failedAt)}-${prng.hex(6)}`,
    failedAt,
    web,
    'Built by Packer from debian-12-bookworm',
  );
  failed.status = 'FAILED';
  const pendingAt = new Date(reference.getTime() - prng.int(3, 20) * 60_000);
  const pending = ownImage(
    prng,
    project,
    `ci-runner-${yyyymmdd(pendingAt)}-${prng.hex(6)}`,
    pendingAt,
    ci,
    'Built by Packer from ubuntu-2404-noble-amd64',
  );
  pending.status = 'PENDING';
  const legacyAt = addDays(reference, -700);
  const legacyPipeline: Pipeline = {
    ...web,
    family: null,
    license: null,
    disk: 80,
    labels: { source: 'vmware-import' },
  };
  const legacy = ownImage(
    prng,
    project,
    'legacy-billing-import-2024',
    legacyAt,
    legacyPipeline,
    'Imported from the on-premises VMware cluster (billing VM)',
  );
  const crmPipeline: Pipeline = {
    ...web,
    family: 'legacy-crm',
    license: 'centos-cloud/centos-7',
    disk: 40,
    labels: { app: 'crm' },
  };
  const crm = ownImage(
    prng,
    project,
    'legacy-crm-centos-7-v20240115',
    addDays(reference, -900),
    crmPipeline,
    'CRM on CentOS 7 (end of life)',
  );
  crm.deprecated = {
    state: 'OBSOLETE',
    deprecated: pacificTimestamp(addDays(reference, -600)),
    obsolete: pacificTimestamp(addDays(reference, -240)),
    deleted: pacificTimestamp(addDays(reference, 125)),
  };
  images.push(failed, pending, legacy, crm);
  return images;
}
