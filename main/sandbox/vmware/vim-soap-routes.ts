import { randomUUID } from 'node:crypto';
import { childOf, childrenOf, type XmlElement } from '../../providers/vmware/xml-reader';
import type { Answer } from './vsphere-api-routes';
import type { SeedVm, VsphereSeed } from './vsphere-seed';

/**
 * The slice of vim25 SOAP a template listing uses: service content, Login/Logout, container
 * views and the PropertyCollector with real paging (maxObjects → token →
 * ContinueRetrievePropertiesEx), which vcsim 0.24 does not implement.
 */
interface Obj {
  type: string;
  value: string;
  props: Record<string, string>;
}

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function soapEnvelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" ' +
    'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

/** vCenter answers every fault with HTTP 500 and the fault type in `detail`. */
export function soapFault(type: string, message: string): Answer {
  return {
    status: 500,
    contentType: 'text/xml; charset=utf-8',
    body: soapEnvelope(
      `<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>${esc(message)}</faultstring>` +
        `<detail><${type}Fault xmlns="urn:vim25" xsi:type="${type}"></${type}Fault></detail></soapenv:Fault>`,
    ),
  };
}

const ok = (method: string, inner: string, headers?: Record<string, string>): Answer => ({
  status: 200,
  contentType: 'text/xml; charset=utf-8',
  headers,
  body: soapEnvelope(`<${method}Response xmlns="urn:vim25">${inner}</${method}Response>`),
});

/** The xsi:type vCenter writes for each property the stand-in serves; the rest are strings. */
const XSI_TYPES: Record<string, string> = {
  'config.template': 'xsd:boolean',
  'config.createDate': 'xsd:dateTime',
  'config.hardware.numCPU': 'xsd:int',
  'config.hardware.memoryMB': 'xsd:int',
  'summary.storage.committed': 'xsd:long',
  'summary.storage.uncommitted': 'xsd:long',
};

/** One property; a value `mor:Type=id` is a ManagedObjectReference with its own `type`. */
function val(name: string, value: string): string {
  const mor = /^mor:(\w+)=(.*)$/.exec(value);
  const typed = mor
    ? `xsi:type="ManagedObjectReference" type="${mor[1]}"`
    : `xsi:type="${XSI_TYPES[name] ?? 'xsd:string'}"`;
  return `<propSet><name>${name}</name><val ${typed}>${esc(mor ? (mor[2] ?? '') : value)}</val></propSet>`;
}

function vmObject(vm: SeedVm): Obj {
  return {
    type: 'VirtualMachine',
    value: vm.moid,
    props: {
      name: vm.name,
      'config.template': String(vm.template),
      'config.guestId': vm.guestId,
      'config.guestFullName': vm.guestFullName,
      ...(vm.annotation ? { 'config.annotation': vm.annotation } : {}),
      'config.createDate': vm.createDate,
      'config.hardware.numCPU': String(vm.numCpu),
      'config.hardware.memoryMB': String(vm.memoryMb),
      'config.instanceUuid': vm.instanceUuid,
      'summary.storage.committed': String(vm.committed),
      'summary.storage.uncommitted': String(vm.uncommitted),
      'runtime.host': `mor:HostSystem=${vm.hostMoid}`,
    },
  };
}

/** The objects a container view over `container` with these types holds. */
function objectsIn(seed: VsphereSeed, container: string, types: string[]): Obj[] {
  const out: Obj[] = [];
  const dcs =
    container === 'group-d1' ? seed.datacenters : seed.datacenters.filter((dc) => dc.moid === container);
  if (container === 'group-d1' && types.includes('Datacenter'))
    out.push(
      ...seed.datacenters.map((dc) => ({ type: 'Datacenter', value: dc.moid, props: { name: dc.name } })),
    );
  for (const dc of dcs) {
    if (types.includes('ClusterComputeResource'))
      out.push(
        ...dc.clusters.map((c) => ({
          type: 'ClusterComputeResource',
          value: c.moid,
          props: { name: c.name },
        })),
      );
    if (types.includes('HostSystem'))
      out.push(
        ...dc.hosts.map((h) => ({
          type: 'HostSystem',
          value: h.moid,
          props: { name: h.name, parent: `mor:ClusterComputeResource=${h.clusterMoid}` },
        })),
      );
    if (types.includes('VirtualMachine'))
      out.push(...seed.vms.filter((vm) => vm.datacenterMoid === dc.moid).map(vmObject));
  }
  return out;
}

/** An open PropertyCollector result: a snapshot of the objects, served page by page. */
interface Retrieval {
  objects: Obj[];
  offset: number;
  pageSize: number;
  paths: Map<string, string[]>;
}

const PAGE_CAP = 1000;

/** One SOAP session's server-side state: its views and open retrievals. */
export class VimState {
  private readonly views = new Map<string, { container: string; types: string[] }>();
  private readonly retrievals = new Map<string, Retrieval>();

  constructor(
    private readonly seed: VsphereSeed,
    readonly key: string,
  ) {}

  createContainerView(method: XmlElement): Answer {
    const container = childOf(method, 'container')?.text.trim() ?? '';
    const types = childrenOf(method, 'type').map((t) => t.text.trim());
    const id = `session[${this.key}]${randomUUID()}`;
    this.views.set(id, { container, types });
    return ok('CreateContainerView', `<returnval type="ContainerView">${id}</returnval>`);
  }

  destroyView(method: XmlElement): Answer {
    this.views.delete(childOf(method, '_this')?.text.trim() ?? '');
    return ok('DestroyView', '');
  }

  /** RetrievePropertiesEx or ContinueRetrievePropertiesEx; `repeatToken` serves the repeated-token fault. */
  retrieve(method: XmlElement, repeatToken: boolean): Answer {
    const name = method.name;
    const token = childOf(method, 'token')?.text.trim();
    let retrieval: Retrieval | undefined;
    if (name === 'ContinueRetrievePropertiesEx') {
      // Tokens stay valid until the view goes, so a retried Continue gets the same page again.
      retrieval = token ? this.retrievals.get(token) : undefined;
      if (!retrieval) return soapFault('InvalidArgument', 'A specified parameter was not correct: token');
    } else {
      const specSet = childOf(method, 'specSet');
      const paths = new Map(
        childrenOf(specSet, 'propSet').map((p) => [
          childOf(p, 'type')?.text.trim() ?? '',
          childrenOf(p, 'pathSet').map((s) => s.text.trim()),
        ]),
      );
      const view = this.views.get(childOf(childOf(specSet, 'objectSet'), 'obj')?.text.trim() ?? '');
      if (!view)
        return soapFault(
          'ManagedObjectNotFound',
          'The object has already been deleted or has not been completely created',
        );
      const maxObjects = Number(childOf(childOf(method, 'options'), 'maxObjects')?.text ?? PAGE_CAP);
      retrieval = {
        objects: objectsIn(this.seed, view.container, view.types).filter((o) => paths.has(o.type)),
        offset: 0,
        pageSize: Math.min(Math.max(1, maxObjects || PAGE_CAP), PAGE_CAP),
        paths,
      };
    }
    const { paths } = retrieval;
    const page = retrieval.objects.slice(retrieval.offset, retrieval.offset + retrieval.pageSize);
    const objects = page
      .map((o) => {
        const wanted = (paths.get(o.type) ?? []).filter((p) => o.props[p] !== undefined);
        return `<objects><obj type="${o.type}">${o.value}</obj>${wanted.map((p) => val(p, o.props[p] ?? '')).join('')}</objects>`;
      })
      .join('');
    let nextToken: string | null = null;
    if (repeatToken && token)
      nextToken = token; // the fault: the token asked with, handed back
    else if (retrieval.offset + retrieval.pageSize < retrieval.objects.length) {
      nextToken = randomUUID();
      this.retrievals.set(nextToken, { ...retrieval, offset: retrieval.offset + retrieval.pageSize });
    }
    if (page.length === 0) return ok(name, '');
    return ok(name, `<returnval>${nextToken ? `<token>${nextToken}</token>` : ''}${objects}</returnval>`);
  }
}

/** RetrieveServiceContent: the fixed references vCenter hands every client. */
export function serviceContent(): Answer {
  return ok(
    'RetrieveServiceContent',
    '<returnval><rootFolder type="Folder">group-d1</rootFolder><propertyCollector type="PropertyCollector">propertyCollector</propertyCollector>' +
      '<viewManager type="ViewManager">ViewManager</viewManager><about><name>VMware vCenter Server</name>' +
      '<fullName>VMware vCenter Server 8.0.3 build-24022515</fullName><vendor>VMware, Inc.</vendor><version>8.0.3</version>' +
      '<build>24022515</build><apiType>VirtualCenter</apiType><apiVersion>8.0.3.0</apiVersion></about>' +
      '<sessionManager type="SessionManager">SessionManager</sessionManager></returnval>',
  );
}

export function loginAnswer(key: string, username: string, now: Date): Answer {
  return ok(
    'Login',
    `<returnval><key>${key}</key><userName>${esc(username)}</userName><fullName>${esc(username)}</fullName>` +
      `<loginTime>${now.toISOString()}</loginTime><lastActiveTime>${now.toISOString()}</lastActiveTime>` +
      '<locale>en</locale><messageLocale>en</messageLocale></returnval>',
    { 'Set-Cookie': `vmware_soap_session="${key}"; Path=/; HttpOnly; Secure` },
  );
}

export const logoutAnswer = (): Answer => ok('Logout', '');
