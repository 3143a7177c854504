/**
 * The raw vSphere objects the listers collect and the mapper reads. Field names are the wire
 * names of the REST API (both flavours share them); everything is optional because vCenter
 * versions (and vcsim) leave different fields out.
 */

/** `GET /api/content/library/{id}` (or `/rest/com/vmware/content/library/id:{id}` → value). */
export interface LibraryInfo {
  id: string;
  name?: string;
  type?: string;
  description?: string;
  creation_time?: string;
  last_modified_time?: string;
}

/** `GET /api/content/library/item/{id}`. */
export interface LibraryItemInfo {
  id: string;
  library_id?: string;
  name?: string;
  type?: string;
  description?: string;
  /** Bytes stored in the library. */
  size?: number;
  creation_time?: string;
  last_modified_time?: string;
  content_version?: string;
  version?: string;
  cached?: boolean;
  source_id?: string;
}

/** `GET /api/vcenter/vm-template/library-items/{id}`: what a vm-template item will deploy. */
export interface VmTemplateInfo {
  guest_OS?: string;
  vm_template?: string;
  cpu?: { count?: number; cores_per_socket?: number };
  memory?: { size_MiB?: number };
  disks?: Record<string, { capacity?: number }>;
  vm_home_storage?: { datastore?: string };
}

/** One vm-template or ovf item, with its library and (for vm-template) the template details. */
export interface LibraryItemRecord {
  library: LibraryInfo;
  item: LibraryItemInfo;
  template: VmTemplateInfo | null;
}

/** A VM marked as template, read through the vim25 PropertyCollector. */
export interface TemplateVmRecord {
  moid: string;
  name: string;
  datacenterId: string;
  datacenter: string;
  guestId: string | null;
  guestFullName: string | null;
  annotation: string | null;
  /** config.createDate (vSphere 6.7+); vcsim leaves it out. */
  createDate: string | null;
  numCpu: number | null;
  memoryMb: number | null;
  /** summary.storage committed + uncommitted, bytes; null when vCenter reports 0. */
  storageBytes: number | null;
  host: string | null;
  cluster: string | null;
  instanceUuid: string | null;
}
