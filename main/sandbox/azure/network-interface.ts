import { randomUUID } from 'node:crypto';
import { computeErrors } from './compute-arm-errors';
import { etag, propertiesOf, refId, same, tagsOf, type WireResource } from './compute-context';
import type { AzureNetworkState } from './network-state';

const NETWORK = 'Microsoft.Network';

export interface NetworkInterfaceWrite {
  id: string;
  name: string;
  location: string;
  body: unknown;
  existing: WireResource | undefined;
}

/**
 * A network interface from a PUT body, checked as Network RP checks it: every subnet, security
 * group and public IP must exist in the interface's region (InvalidResourceReference otherwise),
 * and a public IP may serve one interface only. Private addresses are assigned here, at write.
 */
export function buildNetworkInterface(
  state: AzureNetworkState,
  { id, name, location, body, existing }: NetworkInterfaceWrite,
): WireResource {
  const given = propertiesOf(body);
  const configs = Array.isArray(given.ipConfigurations) ? (given.ipConfigurations as unknown[]) : [];
  if (configs.length === 0)
    throw computeErrors.badRequest(`Network interface ${id} must have one or more IP configurations.`);
  const nsgId = refId(given.networkSecurityGroup);
  const nsg = nsgId ? state.byId('nsg', nsgId) : null;
  if (nsgId && (!nsg || !same(nsg.location, location))) throw computeErrors.invalidReference(nsgId, id);
  const checked = configs.map((config, index) => {
    const configName = String((config as { name?: unknown }).name ?? `ipconfig${index + 1}`);
    const props = propertiesOf(config);
    const subnetId = refId(props.subnet) ?? '';
    const subnet = state.subnetById(subnetId);
    if (!subnet || !same(state.vnetOfSubnet(subnetId)?.location, location))
      throw computeErrors.invalidReference(subnetId || '(no subnet)', id);
    const pipId = refId(props.publicIPAddress);
    const pip = pipId ? state.byId('pip', pipId) : null;
    if (pipId && (!pip || !same(pip.location, location))) throw computeErrors.invalidReference(pipId, id);
    const holder = refId(pip?.properties.ipConfiguration);
    if (pip && holder && !holder.toLowerCase().startsWith(`${id.toLowerCase()}/`))
      throw computeErrors.publicIpInUse(pip.id, holder);
    return { configName, subnet, subnetId, pip, props };
  });
  if (existing) state.release(existing);
  const ipConfigurations = checked.map(({ configName, subnet, subnetId, pip, props }, index) => {
    const configId = `${id}/ipConfigurations/${configName}`;
    (subnet.properties.ipConfigurations as { id: string }[]).push({ id: configId });
    if (pip) pip.properties.ipConfiguration = { id: configId };
    return {
      name: configName,
      id: configId,
      etag: etag(),
      type: `${NETWORK}/networkInterfaces/ipConfigurations`,
      properties: {
        provisioningState: 'Succeeded',
        privateIPAddress: state.addresses.nextPrivate(subnetId, String(subnet.properties.addressPrefix)),
        privateIPAllocationMethod: props.privateIPAllocationMethod ?? 'Dynamic',
        subnet: { id: subnet.id },
        ...(pip ? { publicIPAddress: { id: pip.id } } : {}),
        primary: index === 0,
        privateIPAddressVersion: 'IPv4',
      },
    };
  });
  if (nsg) ((nsg.properties.networkInterfaces ??= []) as { id: string }[]).push({ id });
  return {
    id,
    name,
    type: `${NETWORK}/networkInterfaces`,
    location,
    etag: etag(),
    tags: tagsOf(body),
    properties: {
      // Network RP answers a NIC write Succeeded at once; its operation still runs.
      provisioningState: 'Succeeded',
      resourceGuid: (existing?.properties.resourceGuid as string | undefined) ?? randomUUID(),
      ipConfigurations,
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      enableAcceleratedNetworking: given.enableAcceleratedNetworking ?? false,
      enableIPForwarding: false,
      ...(nsg ? { networkSecurityGroup: { id: nsg.id } } : {}),
      ...(existing?.properties.virtualMachine ? { virtualMachine: existing.properties.virtualMachine } : {}),
      nicType: 'Standard',
    },
  };
}
