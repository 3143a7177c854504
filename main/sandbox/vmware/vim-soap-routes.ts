import { randomUUID } from 'node:crypto';
import { childOf, childrenOf, type XmlElement } from '../../providers/vmware/xml-reader';
import type { Answer } from './vsphere-api-routes';
import { inventory, isA, selectObjects, wants, type Obj } from './vim-inventory';
import type { VsphereSeed } from './vsphere-seed';

/**
 * The slice of vim25 SOAP a template listing and lookup use: service content, Login/Logout,
 * container views and the PropertyCollector with real paging (maxObjects → token →
 * ContinueRetrievePropertiesEx), which vcsim 0.24 does not implement, over a view or over one
 * managed object and what its traversal specs reach.
 */
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

/** One property; a value `mor:Type=id` is a ManagedObjectReference, `xml:Type:…` complex XML. */
function val(name: string, value: string): string {
  const mor = /^mor:(\w+)=(.*)$/.exec(value);
  const raw = /^xml:(\w+):([\s\S]*)$/.exec(value);
  if (raw) return `<propSet><name>${name}</name><val xsi:type="${raw[1]}">${raw[2] ?? ''}</val></propSet>`;
  const typed = mor
    ? `xsi:type="ManagedObjectReference" type="${mor[1]}"`
    : `xsi:type="${XSI_TYPES[name] ?? 'xsd:string'}"`;
  return `<propSet><name>${name}</name><val ${typed}>${esc(mor ? (mor[2] ?? '') : value)}</val></propSet>`;
}

/** Whether `obj` sits below `container` (through `parent` links). */
function isUnder(objects: Map<string, Obj>, obj: Obj, container: string): boolean {
  let parent = /^mor:\w+=(.*)$/.exec(obj.props.parent ?? '')?.[1];
  for (let depth = 0; parent && depth < 64; depth += 1) {
    if (parent === container) return true;
    parent = /^mor:\w+=(.*)$/.exec(objects.get(parent)?.props.parent ?? '')?.[1];
  }
  return false;
}

/** The objects a recursive container view over `container` with these types holds. */
function objectsIn(seed: VsphereSeed, container: string, types: string[]): Obj[] {
  const objects = inventory(seed);
  return [...objects.values()].filter(
    (o) => types.some((type) => isA(o.type, type)) && isUnder(objects, o, container),
  );
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
    /** Objects beyond the seed's inventory: the compute stand-in's tasks. */
    private readonly extra: () => readonly Obj[] = () => [],
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
      const objectSet = childOf(specSet, 'objectSet');
      const ref = childOf(objectSet, 'obj');
      const view = ref?.attrs.type === 'ContainerView' ? this.views.get(ref.text.trim()) : undefined;
      const selected = view
        ? objectsIn(this.seed, view.container, view.types)
        : ref?.attrs.type !== 'ContainerView'
          ? selectObjects(inventory(this.seed, this.extra()), objectSet)
          : null;
      if (!selected)
        return soapFault(
          'ManagedObjectNotFound',
          'The object has already been deleted or has not been completely created',
        );
      const maxObjects = Number(childOf(childOf(method, 'options'), 'maxObjects')?.text ?? PAGE_CAP);
      retrieval = {
        objects: selected.filter((o) => [...paths.keys()].some((type) => wants(type, o))),
        offset: 0,
        pageSize: Math.min(Math.max(1, maxObjects || PAGE_CAP), PAGE_CAP),
        paths,
      };
    }
    const { paths } = retrieval;
    const page = retrieval.objects.slice(retrieval.offset, retrieval.offset + retrieval.pageSize);
    const objects = page
      .map((o) => {
        const asked = [...paths].filter(([type]) => wants(type, o)).flatMap(([, list]) => list);
        const wanted = [...new Set(asked)].filter((p) => o.props[p] !== undefined);
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
