import type { Prng } from '../prng';
import type { MemberStatus, SandboxGlanceImage } from './glance-query';

/** What a seed describes; the factory fills ids, hashes, sizes and timestamps like Glance would. */
export interface ImageSpec {
  name: string;
  owner: string;
  visibility: 'public' | 'private' | 'shared' | 'community';
  createdAt: Date;
  status?: 'active' | 'queued' | 'importing' | 'deactivated' | 'killed' | 'saving';
  protected?: boolean;
  hidden?: boolean;
  diskFormat?: 'qcow2' | 'raw' | 'vmdk' | 'iso';
  /** Bytes of the uploaded file and the disk it expands to (GiB). */
  sizeMiB?: [number, number];
  virtualGiB?: number;
  minDisk?: number;
  minRam?: number;
  tags?: string[];
  /** User-defined properties (os_distro, hw_*, …), strings as Glance stores them. */
  properties?: Record<string, string>;
  members?: [string, MemberStatus][];
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Glance's timestamp form: seconds, Z. */
export const glanceTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

export const yyyymmdd = (date: Date): string => date.toISOString().slice(0, 10).replace(/-/g, '');

export class ImageFactory {
  constructor(readonly prng: Prng) {}

  /** A version 4 UUID, as Glance mints them. */
  uuid(): string {
    const p = this.prng;
    return `${p.hex(8)}-${p.hex(4)}-4${p.hex(3)}-${p.pick(['8', '9', 'a', 'b'])}${p.hex(3)}-${p.hex(12)}`;
  }

  /** A moment within `days` after `date`, at a working-hours time, as uploads happen. */
  shortlyAfter(date: Date, days: number): Date {
    return new Date(
      date.getTime() + this.prng.int(0, days * 86_400) * 1000 + this.prng.int(8, 17) * 3_600_000,
    );
  }

  build(spec: ImageSpec): SandboxGlanceImage {
    const status = spec.status ?? 'active';
    // Only uploaded images have bytes; queued, importing and killed ones do not (yet, or ever).
    const uploaded = status === 'active' || status === 'deactivated';
    const [lowMiB, highMiB] = spec.sizeMiB ?? [350, 900];
    const size = uploaded ? this.prng.int(lowMiB * MIB, highMiB * MIB) : null;
    const virtualSize = uploaded ? Math.max(size ?? 0, Math.round((spec.virtualGiB ?? 10) * GIB)) : null;
    // An upload finishes minutes after the record is created.
    const updated = uploaded
      ? new Date(spec.createdAt.getTime() + this.prng.int(60, 1_800) * 1000)
      : spec.createdAt;
    return {
      wire: {
        ...spec.properties,
        name: spec.name,
        disk_format: spec.diskFormat ?? 'qcow2',
        container_format: 'bare',
        visibility: spec.visibility,
        size,
        virtual_size: virtualSize,
        status,
        checksum: uploaded ? this.prng.hex(32) : null,
        protected: spec.protected ?? false,
        min_ram: spec.minRam ?? 0,
        min_disk: spec.minDisk ?? 0,
        owner: spec.owner,
        os_hidden: spec.hidden ?? false,
        os_hash_algo: uploaded ? 'sha512' : null,
        os_hash_value: uploaded ? this.prng.hex(128) : null,
        id: this.uuid(),
        created_at: glanceTime(spec.createdAt),
        updated_at: glanceTime(updated),
        tags: spec.tags ?? [],
      },
      members: new Map(spec.members ?? []),
    };
  }
}
