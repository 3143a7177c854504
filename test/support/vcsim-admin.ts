/**
 * What an administrator does to a running vcsim behind the driver's back, for drift tests: delete
 * a content library item over the /rest API, destroy a VM over vim25 SOAP. Plain fetch, no driver
 * code, so the driver under test is not its own witness.
 */
import type { Vcsim } from './vcsim';

async function restSession(sim: Vcsim): Promise<string> {
  const response = await fetch(`${sim.url}/rest/com/vmware/cis/session`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${sim.username}:${sim.password}`).toString('base64')}` },
  });
  if (response.status !== 200) throw new Error(`vcsim refused the REST sign-in: HTTP ${response.status}`);
  return ((await response.json()) as { value: string }).value;
}

/** DELETE …/library/item/id:{id}; vcsim (like vCenter) also deletes a vm-template item's VM. */
export async function deleteLibraryItem(sim: Vcsim, itemId: string): Promise<void> {
  const session = await restSession(sim);
  const response = await fetch(
    `${sim.url}/rest/com/vmware/content/library/item/id:${encodeURIComponent(itemId)}`,
    { method: 'DELETE', headers: { 'vmware-api-session-id': session } },
  );
  if (response.status !== 200)
    throw new Error(`vcsim did not delete item ${itemId}: HTTP ${response.status}`);
}

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
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
      `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`,
  });
}

/** Login, then Destroy_Task on the VM (vcsim runs the task before it answers). */
export async function destroyVm(sim: Vcsim, moid: string): Promise<void> {
  const login = await soap(
    sim,
    '<Login xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this>' +
      `<userName>${xmlEscape(sim.username)}</userName><password>${xmlEscape(sim.password)}</password></Login>`,
  );
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (login.status !== 200 || !cookie) throw new Error(`vcsim refused the SOAP login: HTTP ${login.status}`);
  const destroyed = await soap(
    sim,
    `<Destroy_Task xmlns="urn:vim25"><_this type="VirtualMachine">${xmlEscape(moid)}</_this></Destroy_Task>`,
    cookie,
  );
  const text = await destroyed.text();
  if (destroyed.status !== 200) throw new Error(`vcsim did not destroy ${moid}: ${text.slice(0, 300)}`);
}
