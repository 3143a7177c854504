import { isRefusedAsBusy, isRetryable, withRetry, type RetryPolicy } from './retry';
import { MalformedAnswerError, RepeatedListingError, VsphereApiError } from './vsphere-errors';
import type { TransportResponse, VsphereTransport } from './vsphere-transport';
import { childOf, childrenOf, parseXml, pathOf, XmlSyntaxError, type XmlElement } from './xml-reader';

/**
 * The few vim25 SOAP calls Hangar needs, over the same transport as REST. VMs marked as templates
 * are invisible to the REST API (its VM list has no template filter and leaves templates out),
 * so the PropertyCollector is the only way to list them: every vSphere tool (govc, pyVmomi,
 * PowerCLI, Terraform) does the same.
 */
export interface Mor {
  type: string;
  value: string;
}

/** One object of a PropertyCollector answer: its reference and its properties' `val` elements. */
export interface ObjectContent {
  obj: Mor;
  props: Map<string, XmlElement>;
}

export interface PropertySpec {
  type: string;
  paths: string[];
}

export interface VimLogin {
  transport: VsphereTransport;
  base: URL;
  username: string;
  password: string;
  retry: RetryPolicy;
}

/** The vim25 version we speak: old enough for every supported vCenter, new enough for all we read. */
const SOAP_ACTION = '"urn:vim25/6.5"';

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export const mor = (tag: string, ref: Mor): string =>
  `<${tag} type="${escapeXml(ref.type)}">${escapeXml(ref.value)}</${tag}>`;

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

export const morOf = (element: XmlElement | undefined): Mor | null =>
  element && element.attrs.type ? { type: element.attrs.type, value: element.text.trim() } : null;

function faultOf(response: TransportResponse, root: XmlElement | null): VsphereApiError {
  const fault = pathOf(root ?? undefined, 'Body', 'Fault');
  const detail = childOf(fault, 'detail')?.children[0];
  const type = detail ? (detail.attrs['xsi:type'] ?? detail.name.replace(/Fault$/, '')) : null;
  const message = childOf(fault, 'faultstring')?.text.trim() || `HTTP ${response.status}`;
  const retryAfter = Number(response.headers['retry-after']);
  // vCenter answers every fault with 500; the fault type says what happened.
  return new VsphereApiError(
    response.status,
    type,
    message,
    Number.isFinite(retryAfter) ? retryAfter * 1000 : null,
  );
}

export class VimSession {
  /** SOAP requests sent. */
  requests = 0;
  private cookie = '';
  private content: { rootFolder: Mor; propertyCollector: Mor; viewManager: Mor; sessionManager: Mor } | null =
    null;

  private constructor(private readonly login: VimLogin) {}

  static async open(login: VimLogin, signal?: AbortSignal): Promise<VimSession> {
    const session = new VimSession(login);
    const returnval = await session.call(
      'RetrieveServiceContent',
      '<_this type="ServiceInstance">ServiceInstance</_this>',
      signal,
    );
    const pick = (name: string): Mor => {
      const ref = morOf(childOf(returnval, name));
      if (!ref) throw new MalformedAnswerError(`the service content lacked ${name}`);
      return ref;
    };
    session.content = {
      rootFolder: pick('rootFolder'),
      propertyCollector: pick('propertyCollector'),
      viewManager: pick('viewManager'),
      sessionManager: pick('sessionManager'),
    };
    await session.call(
      'Login',
      `${mor('_this', session.content.sessionManager)}<userName>${escapeXml(login.username)}</userName>` +
        `<password>${escapeXml(login.password)}</password>`,
      signal,
    );
    return session;
  }

  get rootFolder(): Mor {
    if (!this.content) throw new Error('not signed in');
    return this.content.rootFolder;
  }

  /** Calls one method and returns its response element (whose children are the `returnval`s). */
  private async callRaw(
    method: string,
    inner: string,
    signal?: AbortSignal,
    mutating = false,
  ): Promise<XmlElement | undefined> {
    const response = await withRetry(
      async () => {
        this.requests += 1;
        const answer = await this.login.transport.send({
          method: 'POST',
          url: new URL('/sdk', this.login.base),
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            Accept: 'text/xml',
            SOAPAction: SOAP_ACTION,
            ...(this.cookie ? { Cookie: this.cookie } : {}),
          },
          body: envelope(`<${method} xmlns="urn:vim25">${inner}</${method}>`),
          signal,
        });
        if ([429, 502, 503, 504].includes(answer.status)) throw faultOf(answer, null);
        return answer;
      },
      this.login.retry,
      signal,
      // A change is repeated only when vCenter refused it: a cut-off answer may hide a clone that ran.
      mutating ? isRefusedAsBusy : isRetryable,
    );
    let root: XmlElement;
    try {
      root = parseXml(response.body);
    } catch (error) {
      if (error instanceof XmlSyntaxError && response.status !== 200) throw faultOf(response, null);
      throw new MalformedAnswerError(`the answer to ${method} was not valid XML`, { cause: error });
    }
    if (response.status !== 200 || pathOf(root, 'Body', 'Fault')) throw faultOf(response, root);
    const cookies = response.headers['set-cookie'];
    if (cookies?.length) this.cookie = cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    const answer = pathOf(root, 'Body', `${method}Response`);
    if (!answer) throw new MalformedAnswerError(`the answer to ${method} lacked ${method}Response`);
    return answer;
  }

  private async call(method: string, inner: string, signal?: AbortSignal): Promise<XmlElement | undefined> {
    return childOf(await this.callRaw(method, inner, signal), 'returnval');
  }

  /**
   * Calls any vim25 method and returns its `returnval` (absent for void methods). `inner` is the
   * method's parameters as XML, `_this` first; `mutating` calls are retried only when refused as busy.
   */
  async invoke(
    method: string,
    inner: string,
    options: { mutating: boolean; signal?: AbortSignal },
  ): Promise<XmlElement | undefined> {
    return childOf(await this.callRaw(method, inner, options.signal, options.mutating), 'returnval');
  }

  async createContainerView(container: Mor, types: string[], signal?: AbortSignal): Promise<Mor> {
    const returnval = await this.call(
      'CreateContainerView',
      `${mor('_this', this.requireContent().viewManager)}${mor('container', container)}` +
        `${types.map((t) => `<type>${escapeXml(t)}</type>`).join('')}<recursive>true</recursive>`,
      signal,
    );
    const view = morOf(returnval);
    if (!view) throw new MalformedAnswerError('CreateContainerView returned no view');
    return view;
  }

  async destroyView(view: Mor): Promise<void> {
    await this.callRaw('DestroyView', mor('_this', view)).catch(() => undefined);
  }

  /**
   * Every object of a container view with the given properties, one page per yield. Follows
   * `token` with ContinueRetrievePropertiesEx and refuses a token it has already seen.
   */
  async *retrieve(
    view: Mor,
    specs: PropertySpec[],
    maxObjects: number,
    signal?: AbortSignal,
  ): AsyncGenerator<ObjectContent[]> {
    const traversal =
      '<selectSet xsi:type="TraversalSpec"><name>view</name><type>ContainerView</type>' +
      '<path>view</path><skip>false</skip></selectSet>';
    yield* this.pages(`${mor('obj', view)}<skip>true</skip>${traversal}`, specs, maxObjects, signal);
  }

  /**
   * One object's properties, plus (with `withAncestors`) those of every object above it through
   * `parent` (its folders, datacenter …) that a spec asks for: one round trip, however deep the
   * folders. A missing object is vCenter's ManagedObjectNotFound fault, thrown as a VsphereApiError.
   */
  async retrieveObject(
    obj: Mor,
    specs: PropertySpec[],
    withAncestors: boolean,
    signal?: AbortSignal,
  ): Promise<ObjectContent[]> {
    // A TraversalSpec that names itself again climbs to the root folder.
    const up = withAncestors
      ? '<selectSet xsi:type="TraversalSpec"><name>up</name><type>ManagedEntity</type><path>parent</path>' +
        '<skip>false</skip><selectSet xsi:type="SelectionSpec"><name>up</name></selectSet></selectSet>'
      : '';
    const all: ObjectContent[] = [];
    for await (const page of this.pages(`${mor('obj', obj)}<skip>false</skip>${up}`, specs, 100, signal))
      all.push(...page);
    return all;
  }

  private async *pages(
    objectSet: string,
    specs: PropertySpec[],
    maxObjects: number,
    signal?: AbortSignal,
  ): AsyncGenerator<ObjectContent[]> {
    const collector = this.requireContent().propertyCollector;
    const propSets = specs
      .map(
        (s) =>
          `<propSet><type>${s.type}</type>${s.paths.map((p) => `<pathSet>${p}</pathSet>`).join('')}</propSet>`,
      )
      .join('');
    let result = await this.call(
      'RetrievePropertiesEx',
      `${mor('_this', collector)}<specSet>${propSets}<objectSet>${objectSet}</objectSet></specSet>` +
        `<options><maxObjects>${maxObjects}</maxObjects></options>`,
      signal,
    );
    const seen = new Set<string>();
    for (;;) {
      yield childrenOf(result, 'objects').map(objectContentOf);
      const token = childOf(result, 'token')?.text.trim();
      if (!token) return;
      if (seen.has(token))
        throw new RepeatedListingError(`vCenter repeated the paging token "${token.slice(0, 40)}"`);
      seen.add(token);
      result = await this.call(
        'ContinueRetrievePropertiesEx',
        `${mor('_this', collector)}<token>${escapeXml(token)}</token>`,
        signal,
      );
    }
  }

  /** Signs out; never throws. */
  async close(): Promise<void> {
    if (!this.content || !this.cookie) return;
    await this.callRaw('Logout', mor('_this', this.content.sessionManager)).catch(() => undefined);
  }

  private requireContent(): NonNullable<VimSession['content']> {
    if (!this.content) throw new Error('not signed in');
    return this.content;
  }
}

function objectContentOf(element: XmlElement): ObjectContent {
  const obj = morOf(childOf(element, 'obj'));
  if (!obj) throw new MalformedAnswerError('a PropertyCollector object lacked its reference');
  const props = new Map<string, XmlElement>();
  for (const prop of childrenOf(element, 'propSet')) {
    const name = childOf(prop, 'name')?.text.trim();
    const val = childOf(prop, 'val');
    if (name && val) props.set(name, val);
  }
  return { obj, props };
}
