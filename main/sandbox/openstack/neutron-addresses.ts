import { createHash } from 'node:crypto';

/** Neutron's address arithmetic: stable seeded ids, IPv4 hosts, SLAAC addresses from a MAC. */

/** A UUID-shaped id derived from text, so seeded resources keep their ids across runs. */
export const stableId = (text: string): string => {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const v4ToInt = (ip: string): number =>
  ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
export const intToV4 = (value: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** SLAAC: the /64 prefix and the interface id Neutron derives from the MAC (EUI-64). */
export function slaac(cidr: string, mac: string): string {
  const prefix = cidr.split('/')[0]?.replace(/::$/, '') ?? '';
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const hex = (x: number, y: number): string => ((x << 8) | y).toString(16);
  return `${prefix}:${hex((b[0] ?? 0) ^ 2, b[1] ?? 0)}:${hex(b[2] ?? 0, 0xff)}:${hex(0xfe, b[3] ?? 0)}:${hex(b[4] ?? 0, b[5] ?? 0)}`;
}
