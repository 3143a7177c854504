import { morOf, type Mor, type ObjectContent } from '../vim-session';
import { childOf, childrenOf, type XmlElement } from '../xml-reader';

/** Readers for the property values a PropertyCollector answer carries (`<val>` elements). */

export const textOf = (val: XmlElement | undefined): string | null => {
  const value = val?.text.trim();
  return value ? value : null;
};

export const numberOf = (val: XmlElement | undefined): number | null => {
  const raw = textOf(val);
  const value = Number(raw);
  return raw !== null && Number.isFinite(value) ? value : null;
};

export const prop = (object: ObjectContent, path: string): XmlElement | undefined => object.props.get(path);

export const propText = (object: ObjectContent, path: string): string | null => textOf(prop(object, path));

export const propMor = (object: ObjectContent, path: string): Mor | null => morOf(prop(object, path));

/** ArrayOfManagedObjectReference → references. */
export function morsOf(val: XmlElement | undefined): Mor[] {
  return (val?.children ?? []).map((child) => morOf(child)).filter((ref): ref is Mor => ref !== null);
}

/** ArrayOfOptionValue (config.extraConfig) → key/value pairs in order. */
export function optionValuesOf(val: XmlElement | undefined): [string, string][] {
  return (val?.children ?? []).flatMap((option) => {
    const key = textOf(childOf(option, 'key'));
    return key === null ? [] : [[key, childOf(option, 'value')?.text ?? ''] as [string, string]];
  });
}

/** A virtual network card of config.hardware.device, with what the edit spec must echo. */
export interface EthernetCard {
  /** VirtualVmxnet3, VirtualE1000e … */
  type: string;
  key: number;
  controllerKey: number | null;
  unitNumber: number | null;
  addressType: string | null;
  macAddress: string | null;
  /** Network moid (standard port group) or port group key (distributed), when the backing names one. */
  backing: { network: string | null; portgroupKey: string | null };
}

const ETHERNET_TYPES = new Set([
  'VirtualVmxnet3',
  'VirtualVmxnet3Vrdma',
  'VirtualVmxnet2',
  'VirtualVmxnet',
  'VirtualE1000',
  'VirtualE1000e',
  'VirtualPCNet32',
  'VirtualSriovEthernetCard',
]);

/** The network cards among config.hardware.device (ArrayOfVirtualDevice). */
export function ethernetCardsOf(val: XmlElement | undefined): EthernetCard[] {
  return (val?.children ?? []).flatMap((device) => {
    const type = device.attrs['xsi:type'] ?? '';
    const key = numberOf(childOf(device, 'key'));
    if (!ETHERNET_TYPES.has(type) || key === null) return [];
    const backing = childOf(device, 'backing');
    return [
      {
        type,
        key,
        controllerKey: numberOf(childOf(device, 'controllerKey')),
        unitNumber: numberOf(childOf(device, 'unitNumber')),
        addressType: textOf(childOf(device, 'addressType')),
        macAddress: textOf(childOf(device, 'macAddress')),
        backing: {
          network: textOf(childOf(backing, 'network')),
          portgroupKey: textOf(childOf(childOf(backing, 'port'), 'portgroupKey')),
        },
      },
    ];
  });
}

/** guest.net (ArrayOfGuestNicInfo) → the addresses VMware Tools reports, in NIC order. */
export function guestAddressesOf(val: XmlElement | undefined): string[] {
  return (val?.children ?? []).flatMap((nic) => childrenOf(nic, 'ipAddress').map((ip) => ip.text.trim()));
}
