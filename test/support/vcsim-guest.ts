/**
 * What the inside of a VM would tell vCenter, for a simulator that has no guests: vcsim 0.24
 * reports no IP address for a powered-on VM (it has no VMware Tools to ask). `reportGuestAddress`
 * plays the guest's Tools reporting its address, through vcsim's documented ExtraConfig hook
 * (`SET.guest.ipAddress`). `readVm` reads properties back over plain SOAP, so tests check what
 * the driver set without using the driver as its own witness.
 */
import type { Vcsim } from './vcsim';

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

async function soap(sim: Vcsim, body: string, cookie?: string): Promise<Response> {
  return fetch(`${sim.url}/sdk`, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"urn:vim25/6.5"',
      ...(cookie ? { cookie } : {}),
    },
    body:
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
      `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`,
  });
}

async function login(sim: Vcsim): Promise<string> {
  const answer = await soap(
    sim,
    '<Login xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this>' +
      `<userName>${xmlEscape(sim.username)}</userName><password>${xmlEscape(sim.password)}</password></Login>`,
  );
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (answer.status !== 200 || !cookie)
    throw new Error(`vcsim refused the SOAP login: HTTP ${answer.status}`);
  return cookie;
}

/** The guest's Tools report `ip` as the VM's address (vcsim runs the reconfigure at once). */
export async function reportGuestAddress(sim: Vcsim, moid: string, ip: string): Promise<void> {
  const cookie = await login(sim);
  const answer = await soap(
    sim,
    `<ReconfigVM_Task xmlns="urn:vim25"><_this type="VirtualMachine">${xmlEscape(moid)}</_this><spec>` +
      '<extraConfig xsi:type="OptionValue"><key>SET.guest.ipAddress</key>' +
      `<value xsi:type="xsd:string">${xmlEscape(ip)}</value></extraConfig></spec></ReconfigVM_Task>`,
    cookie,
  );
  if (answer.status !== 200) throw new Error(`vcsim did not take the guest address: ${await answer.text()}`);
}

/** Raw `<val>` XML of each asked property of one VM (missing properties are absent). */
export async function readVm(sim: Vcsim, moid: string, paths: string[]): Promise<Map<string, string>> {
  const cookie = await login(sim);
  const answer = await soap(
    sim,
    '<RetrievePropertiesEx xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><specSet>' +
      `<propSet><type>VirtualMachine</type>${paths.map((p) => `<pathSet>${p}</pathSet>`).join('')}</propSet>` +
      `<objectSet><obj type="VirtualMachine">${xmlEscape(moid)}</obj></objectSet></specSet><options/></RetrievePropertiesEx>`,
    cookie,
  );
  const text = await answer.text();
  if (answer.status !== 200) throw new Error(`vcsim did not describe ${moid}: ${text.slice(0, 300)}`);
  const props = new Map<string, string>();
  for (const match of text.matchAll(/<propSet><name>([^<]+)<\/name><val[^>]*>([\s\S]*?)<\/val><\/propSet>/g))
    props.set(match[1] ?? '', match[2] ?? '');
  return props;
}

/** Go's XML encoder writes `"` as `&#34;`: named and numeric references both. */
const unescapeXml = (text: string): string =>
  text.replace(/&(#\d+|amp|lt|gt|quot|apos);/g, (_, ref: string) =>
    ref.startsWith('#')
      ? String.fromCodePoint(Number(ref.slice(1)))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref] ?? ''),
  );

/** ExtraConfig as key → value, from readVm's raw `config.extraConfig` (a key set twice keeps its last value). */
export function extraConfigOf(raw: string | undefined): Map<string, string> {
  const entries = new Map<string, string>();
  for (const match of (raw ?? '').matchAll(/<key>([^<]*)<\/key><value[^>]*>([^<]*)<\/value>/g))
    entries.set(unescapeXml(match[1] ?? ''), unescapeXml(match[2] ?? ''));
  return entries;
}
