import { RepeatedListingError } from './vsphere-errors';
import { morOf, type Mor, type ObjectContent, type PropertySpec, type VimSession } from './vim-session';
import type { TemplateVmRecord } from './vsphere-records';
import type { XmlElement } from './xml-reader';

export interface TemplateListingOptions {
  /** PropertyCollector maxObjects: VMs (templates or not) per page. */
  pageSize: number;
  /** After each page of VMs: pages so far and templates found. */
  onPage: (pages: number, templates: number) => void;
  signal?: AbortSignal;
}

/** What a template record is read from (config.template says whether the VM is one). */
export const VM_PROPERTIES = [
  'name',
  'config.template',
  'config.guestId',
  'config.guestFullName',
  'config.annotation',
  'config.createDate',
  'config.hardware.numCPU',
  'config.hardware.memoryMB',
  'config.instanceUuid',
  'summary.storage.committed',
  'summary.storage.uncommitted',
  'runtime.host',
];

const text = (val: XmlElement | undefined): string | null => {
  const value = val?.text.trim();
  return value ? value : null;
};
const numberOf = (val: XmlElement | undefined): number | null => {
  const value = Number(text(val));
  return text(val) !== null && Number.isFinite(value) ? value : null;
};

/** Every object of one container view, page by page, the view destroyed afterwards. */
async function* viewObjects(
  vim: VimSession,
  container: Mor,
  specs: PropertySpec[],
  pageSize: number,
  signal?: AbortSignal,
): AsyncGenerator<ObjectContent[]> {
  const view = await vim.createContainerView(container, [...new Set(specs.map((s) => s.type))], signal);
  try {
    yield* vim.retrieve(view, specs, pageSize, signal);
  } finally {
    await vim.destroyView(view);
  }
}

async function allObjects(
  vim: VimSession,
  container: Mor,
  specs: PropertySpec[],
  signal?: AbortSignal,
): Promise<ObjectContent[]> {
  const all: ObjectContent[] = [];
  for await (const page of viewObjects(vim, container, specs, 1000, signal)) all.push(...page);
  return all;
}

/** Host moid → host name and the cluster it belongs to (a standalone host's parent is a ComputeResource). */
async function hostsOf(vim: VimSession, datacenter: Mor, signal?: AbortSignal) {
  const objects = await allObjects(
    vim,
    datacenter,
    [
      { type: 'HostSystem', paths: ['name', 'parent'] },
      { type: 'ClusterComputeResource', paths: ['name'] },
    ],
    signal,
  );
  const clusters = new Map(
    objects
      .filter((o) => o.obj.type === 'ClusterComputeResource')
      .map((o) => [o.obj.value, text(o.props.get('name'))]),
  );
  return new Map(
    objects
      .filter((o) => o.obj.type === 'HostSystem')
      .map((o) => {
        const parent = morOf(o.props.get('parent'));
        const cluster =
          parent?.type === 'ClusterComputeResource' ? (clusters.get(parent.value) ?? null) : null;
        return [o.obj.value, { name: text(o.props.get('name')), cluster }] as const;
      }),
  );
}

/** Whether a VirtualMachine's properties say it is marked as a template. */
export const isTemplate = (vm: ObjectContent): boolean => text(vm.props.get('config.template')) === 'true';

/** A VirtualMachine read with VM_PROPERTIES, with where it lives, as the mapper's record. */
export function templateVmRecord(
  { obj, props }: ObjectContent,
  datacenter: { id: string; name: string },
  host: { name: string | null; cluster: string | null } | null,
): TemplateVmRecord {
  const storage =
    (numberOf(props.get('summary.storage.committed')) ?? 0) +
    (numberOf(props.get('summary.storage.uncommitted')) ?? 0);
  return {
    moid: obj.value,
    name: text(props.get('name')) ?? obj.value,
    datacenterId: datacenter.id,
    datacenter: datacenter.name,
    guestId: text(props.get('config.guestId')),
    guestFullName: text(props.get('config.guestFullName')),
    annotation: text(props.get('config.annotation')),
    createDate: text(props.get('config.createDate')),
    numCpu: numberOf(props.get('config.hardware.numCPU')),
    memoryMb: numberOf(props.get('config.hardware.memoryMB')),
    storageBytes: storage > 0 ? storage : null,
    host: host?.name ?? null,
    cluster: host?.cluster ?? null,
    instanceUuid: text(props.get('config.instanceUuid')),
  };
}

/**
 * VMs marked as templates in every datacenter, through the PropertyCollector. The filter on
 * config.template happens here: vSphere has no server-side filter on it. vcsim ignores
 * maxObjects and answers in one page per datacenter; vCenter pages with a token.
 */
export async function listTemplateVms(
  vim: VimSession,
  options: TemplateListingOptions,
): Promise<TemplateVmRecord[]> {
  const { signal } = options;
  const datacenters = await allObjects(
    vim,
    vim.rootFolder,
    [{ type: 'Datacenter', paths: ['name'] }],
    signal,
  );
  const records: TemplateVmRecord[] = [];
  const seen = new Set<string>();
  let pages = 0;
  for (const dc of datacenters) {
    const datacenter = text(dc.props.get('name')) ?? dc.obj.value;
    const hosts = await hostsOf(vim, dc.obj, signal);
    const specs = [{ type: 'VirtualMachine', paths: VM_PROPERTIES }];
    for await (const page of viewObjects(vim, dc.obj, specs, options.pageSize, signal)) {
      pages += 1;
      for (const { obj, props } of page) {
        if (seen.has(obj.value)) throw new RepeatedListingError(`VM ${obj.value} was listed twice`);
        seen.add(obj.value);
        if (!isTemplate({ obj, props })) continue;
        const host = hosts.get(morOf(props.get('runtime.host'))?.value ?? '') ?? null;
        records.push(templateVmRecord({ obj, props }, { id: dc.obj.value, name: datacenter }, host));
      }
      options.onPage(pages, records.length);
    }
  }
  return records;
}
