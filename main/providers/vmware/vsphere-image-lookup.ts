import { objectWithId, templateDetails } from './content-library-source';
import { isTemplate, templateVmRecord, VM_PROPERTIES } from './template-vm-source';
import type { VapiSession } from './vapi-session';
import { morOf, type ObjectContent, type VimSession } from './vim-session';
import { MalformedAnswerError, VsphereApiError } from './vsphere-errors';
import type { LibraryInfo, LibraryItemInfo, LibraryItemRecord, TemplateVmRecord } from './vsphere-records';
import type { XmlElement } from './xml-reader';

/**
 * One VMware image by the id the mapper gave it: a content library item (a UUID, over REST) or a
 * VM template (its managed object id, over vim25 SOAP, because REST cannot see templates).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** vCenter moids: vm-123; other inventories (ESXi, vcsim variants) use plain words or numbers. */
const MOID = /^[A-Za-z0-9][\w.-]{0,79}$/;

export type VsphereImageRef = { kind: 'library-item'; id: string } | { kind: 'template-vm'; moid: string };

/** Which kind of object an id names, by its form; null when it can name neither. */
export function vsphereImageRef(cloudImageId: string): VsphereImageRef | null {
  const id = cloudImageId.trim();
  if (UUID.test(id)) return { kind: 'library-item', id: id.toLowerCase() };
  if (MOID.test(id)) return { kind: 'template-vm', moid: id };
  return null;
}

const isNotFound = (error: unknown): boolean =>
  error instanceof VsphereApiError && error.errorType === 'ManagedObjectNotFound';

const text = (val: XmlElement | undefined): string | null => val?.text.trim() || null;

/**
 * A library item with its library and template details; null when vCenter has no such item.
 * Items of other types (iso, file) come back too: the caller decides what they mean.
 */
export async function getLibraryItem(
  session: VapiSession,
  itemId: string,
  signal?: AbortSignal,
): Promise<LibraryItemRecord | null> {
  const what = `library item ${itemId}`;
  const found = await session.getOrNull(session.paths.item(itemId), what, signal);
  if (found === null) return null;
  const item = objectWithId<LibraryItemInfo>(found, itemId, what);
  if (!item.library_id) throw new MalformedAnswerError(`${what} named no library`);
  const library = objectWithId<LibraryInfo>(
    await session.get(session.paths.library(item.library_id), `library ${item.library_id}`, signal),
    item.library_id,
    `library ${item.library_id}`,
  );
  return { library, item, template: await templateDetails(session, item, signal) };
}

/** The host's name and cluster; null when the host went away meanwhile (the VM is still there). */
async function hostOf(vim: VimSession, host: ObjectContent['obj'] | null, signal?: AbortSignal) {
  if (!host) return null;
  let objects: ObjectContent[];
  try {
    objects = await vim.retrieveObject(
      host,
      [
        { type: 'HostSystem', paths: ['name'] },
        { type: 'ClusterComputeResource', paths: ['name'] },
      ],
      true,
      signal,
    );
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const byType = (type: string) => objects.find((o) => o.obj.type === type);
  return {
    name: text(byType('HostSystem')?.props.get('name')),
    cluster: text(byType('ClusterComputeResource')?.props.get('name')),
  };
}

/**
 * A VM by moid with its datacenter, host and cluster: two PropertyCollector calls. Null when
 * vCenter answers ManagedObjectNotFound (deleted, or never existed). `template` false: the VM
 * exists but is no longer marked as a template (someone converted it back to edit it).
 */
export async function getTemplateVm(
  vim: VimSession,
  moid: string,
  signal?: AbortSignal,
): Promise<{ record: TemplateVmRecord; template: boolean } | null> {
  let objects: ObjectContent[];
  try {
    objects = await vim.retrieveObject(
      { type: 'VirtualMachine', value: moid },
      [
        { type: 'VirtualMachine', paths: VM_PROPERTIES },
        { type: 'Datacenter', paths: ['name'] },
      ],
      true,
      signal,
    );
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const vm = objects.find((o) => o.obj.type === 'VirtualMachine' && o.obj.value === moid);
  // vcsim leaves out an object that vanished between lookup and collection: that is "deleted".
  if (!vm) return null;
  const dc = objects.find((o) => o.obj.type === 'Datacenter');
  const datacenter = dc
    ? { id: dc.obj.value, name: text(dc.props.get('name')) ?? dc.obj.value }
    : { id: '', name: '' };
  const host = await hostOf(vim, morOf(vm.props.get('runtime.host')), signal);
  return { record: templateVmRecord(vm, datacenter, host), template: isTemplate(vm) };
}
