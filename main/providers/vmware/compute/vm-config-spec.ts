import { escapeXml as esc, mor } from '../vim-session';
import type { EthernetCard } from './vim-values';
import type { NetworkEntry } from './vsphere-inventory';
import type { VmSize } from './vmware-sizes';

/**
 * The XML of a VirtualMachineConfigSpec (the `config` of a CloneSpec, the `spec` of ReconfigVM).
 * vCenter's deserializer follows the WSDL's element order, so the fields are written in it:
 * annotation, numCPUs, memoryMB, deviceChange, extraConfig.
 */
export interface ConfigChange {
  annotation?: string;
  size?: VmSize;
  /** Join `network`: edit the existing first NIC, or add a VMXNET 3 card when the VM has none. */
  nic?: { card: EthernetCard | null; network: NetworkEntry };
  extraConfig?: readonly (readonly [string, string])[];
}

function backingXml(network: NetworkEntry): string {
  const { backing } = network;
  if (backing.kind === 'standard')
    return (
      '<backing xsi:type="VirtualEthernetCardNetworkBackingInfo">' +
      `<deviceName>${esc(backing.deviceName)}</deviceName>${mor('network', backing.network)}</backing>`
    );
  return (
    '<backing xsi:type="VirtualEthernetCardDistributedVirtualPortBackingInfo"><port>' +
    `<switchUuid>${esc(backing.switchUuid)}</switchUuid><portgroupKey>${esc(backing.portgroupKey)}</portgroupKey>` +
    '</port></backing>'
  );
}

const CONNECTED =
  '<connectable><startConnected>true</startConnected><allowGuestControl>true</allowGuestControl>' +
  '<connected>true</connected></connectable>';

function nicXml({ card, network }: NonNullable<ConfigChange['nic']>): string {
  if (!card)
    return (
      '<deviceChange><operation>add</operation><device xsi:type="VirtualVmxnet3"><key>-100</key>' +
      `${backingXml(network)}${CONNECTED}<addressType>generated</addressType></device></deviceChange>`
    );
  // An edit names the card by key and echoes where it sits and its MAC, so only the backing changes.
  const optional = (tag: string, value: string | number | null) =>
    value === null ? '' : `<${tag}>${esc(String(value))}</${tag}>`;
  return (
    `<deviceChange><operation>edit</operation><device xsi:type="${esc(card.type)}"><key>${card.key}</key>` +
    `${backingXml(network)}${CONNECTED}${optional('controllerKey', card.controllerKey)}` +
    `${optional('unitNumber', card.unitNumber)}${optional('addressType', card.addressType)}` +
    `${optional('macAddress', card.macAddress)}</device></deviceChange>`
  );
}

/** The spec's child elements; empty when there is nothing to change. */
export function configSpecXml(change: ConfigChange): string {
  return [
    change.annotation === undefined ? '' : `<annotation>${esc(change.annotation)}</annotation>`,
    change.size ? `<numCPUs>${change.size.numCpus}</numCPUs>` : '',
    change.size ? `<memoryMB>${change.size.memoryMb}</memoryMB>` : '',
    change.nic ? nicXml(change.nic) : '',
    ...(change.extraConfig ?? []).map(
      ([key, value]) =>
        `<extraConfig xsi:type="OptionValue"><key>${esc(key)}</key>` +
        `<value xsi:type="xsd:string">${esc(value)}</value></extraConfig>`,
    ),
  ].join('');
}

/** Whether a NIC already sits on the network (so no edit is needed). */
export function onNetwork(card: EthernetCard, network: NetworkEntry): boolean {
  const { backing } = network;
  return backing.kind === 'standard'
    ? card.backing.network === backing.network.value
    : card.backing.portgroupKey === backing.portgroupKey;
}
