import { CloudError } from '../../driver';
import type { VapiSession } from '../vapi-session';
import { escapeXml as esc, mor, morOf, type VimSession } from '../vim-session';
import { MalformedAnswerError } from '../vsphere-errors';
import { runTask, VsphereTaskError, type TaskWait } from './vim-tasks';
import { propMor, propText } from './vim-values';
import { configSpecXml } from './vm-config-spec';
import { SOURCE_IMAGE_KEY, TAGS_KEY } from './guestinfo';
import { isTemplateVm, readVm } from './vm-status';

/**
 * The end of a server and the life of a template: terminate (power off, destroy), capture
 * ("clone to template": CloneVM_Task with template true, next to the VM), and delete (destroy a
 * template VM, or delete a content library item).
 */

const refuse = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });
const vmRef = (moid: string) => ({ type: 'VirtualMachine', value: moid });

/** Powers the VM off when it runs, then destroys it; a VM already gone is done. Templates are refused. */
export async function terminateVm(vim: VimSession, moid: string, wait: TaskWait): Promise<void> {
  const vm = await readVm(vim, moid, ['name', 'config.template', 'runtime.powerState'], wait.signal);
  if (!vm) return;
  if (isTemplateVm(vm))
    throw refuse(
      `${propText(vm, 'name') ?? moid} is a template, not a server: delete it as an image instead.`,
    );
  const self = mor('_this', vmRef(moid));
  if (propText(vm, 'runtime.powerState') !== 'poweredOff') {
    try {
      await runTask(vim, 'PowerOffVM_Task', self, wait);
    } catch (error) {
      // Someone powered it off meanwhile: that is what we wanted.
      if (!(error instanceof VsphereTaskError && error.faultType === 'InvalidPowerState')) throw error;
    }
  }
  await runTask(vim, 'Destroy_Task', self, wait);
}

/**
 * Clones the server into a new template VM in the server's own folder and resource pool, and
 * returns the template's moid once the clone task succeeds (the id exists only then). A running
 * server is cloned as it runs, as vCenter allows; the template gets the description as its notes.
 */
export async function captureTemplate(
  vim: VimSession,
  moid: string,
  name: string,
  description: string,
  wait: TaskWait,
): Promise<string> {
  const vm = await readVm(vim, moid, ['name', 'config.template', 'parent', 'resourcePool'], wait.signal);
  if (!vm) throw refuse(`Server ${moid} no longer exists in vCenter, so there is nothing to capture.`);
  const folder = propMor(vm, 'parent');
  const pool = propMor(vm, 'resourcePool');
  if (!folder) throw new MalformedAnswerError(`vCenter named no folder for ${moid}`);
  // Clone to a powered-off VM, clear the server's own guestinfo on it, then mark it a template:
  // a template cannot be reconfigured, and vcsim drops a CloneSpec's config. The server's user
  // data (which may hold anything) and identity must not ride along into every later launch.
  const result = await runTask(
    vim,
    'CloneVM_Task',
    `${mor('_this', vmRef(moid))}${mor('folder', folder)}<name>${esc(name)}</name>` +
      `<spec><location>${pool ? mor('pool', pool) : ''}</location><template>false</template>` +
      `<config>${configSpecXml({ annotation: description, extraConfig: PER_SERVER_GUESTINFO })}</config><powerOn>false</powerOn></spec>`,
    wait,
  );
  const template = morOf(result);
  if (template?.type !== 'VirtualMachine') throw new MalformedAnswerError('the clone task named no template');
  await runTask(
    vim,
    'ReconfigVM_Task',
    `${mor('_this', template)}<spec>${configSpecXml({ annotation: description, extraConfig: PER_SERVER_GUESTINFO })}</spec>`,
    wait,
  );
  await vim.invoke('MarkAsTemplate', mor('_this', template), { mutating: true, signal: wait.signal });
  return template.value;
}

/** The server's own guestinfo, cleared on its template (an empty value removes an ExtraConfig key). */
const PER_SERVER_GUESTINFO: readonly (readonly [string, string])[] = [
  'guestinfo.userdata',
  'guestinfo.userdata.encoding',
  'guestinfo.metadata',
  'guestinfo.metadata.encoding',
  SOURCE_IMAGE_KEY,
  TAGS_KEY,
].map((key) => [key, ''] as const);

/** Destroy_Task on a VM template; gone already is fine, an ordinary VM is refused. */
export async function deleteTemplateVm(vim: VimSession, moid: string, wait: TaskWait): Promise<void> {
  const vm = await readVm(vim, moid, ['name', 'config.template'], wait.signal);
  if (!vm) return;
  if (!isTemplateVm(vm))
    throw refuse(
      `${propText(vm, 'name') ?? moid} is a virtual machine, not a template: Hangar deletes only templates.`,
    );
  await runTask(vim, 'Destroy_Task', mor('_this', vmRef(moid)), wait);
}

/** DELETE the library item (vCenter deletes a vm-template item's backing template too). */
export async function deleteLibraryItem(
  vapi: VapiSession,
  itemId: string,
  signal?: AbortSignal,
): Promise<void> {
  await vapi.delete(vapi.paths.item(itemId), signal);
}
