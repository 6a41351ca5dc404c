/**
 * IP addresses and ranges as numbers, for the outbound-request guard. Only canonical text is accepted: dotted
 * decimal IPv4 without leading zeros, and IPv6 (with `::`, an optional trailing dotted quad, brackets and a
 * zone). Non-canonical IPv4 forms (`0x7f.1`, `2130706433`) never reach here: the WHATWG URL parser rewrites
 * them to dotted decimal, and DNS answers are always canonical.
 */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface IpRange {
  version: 4 | 6;
  base: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;
const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split(".");
  if (octets.length !== 4) return undefined;
  let value = 0n;
  for (const octet of octets) {
    if (!DECIMAL_OCTET.test(octet) || Number(octet) > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(text: string): bigint[] | undefined {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: bigint[] = [];
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes(".")) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? "");
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "") : [];
  if (!head || !tail) return undefined;
  const given = head.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const groups = [...head, ...Array<bigint>(8 - given).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** Parses an IPv4 or IPv6 address (brackets and a `%zone` suffix allowed); undefined for anything else. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const bare = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (!bare.includes(":")) {
    const value = parseIpv4(bare);
    return value === undefined ? undefined : { version: 4, value };
  }
  const value = parseIpv6(bare);
  return value === undefined ? undefined : { version: 6, value };
}

/** Parses `address/prefix` (or a single address, as a /32 or /128); undefined when malformed. */
export function parseIpRange(text: string): IpRange | undefined {
  const [addressText = "", prefixText, ...rest] = text.split("/");
  const address = parseIpAddress(addressText);
  if (!address || rest.length > 0) return undefined;
  const bits = BITS[address.version];
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  return { version: address.version, base: address.value & rangeMask(address.version, prefix), prefix };
}

function rangeMask(version: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[version]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

export function rangeContains(range: IpRange, address: IpAddress): boolean {
  return range.version === address.version && (address.value & rangeMask(range.version, range.prefix)) === range.base;
}

/** Dotted decimal text of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}
