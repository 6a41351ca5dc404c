import { formatIpv4, parseIpRange, rangeContains, type IpAddress, type IpRange } from "@/server/security/parse-ip-address";

/**
 * Whether the server may connect to an address a user's URL led to. Built from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries: every block that is not globally reachable is refused, plus the cloud
 * metadata services. IPv6 is public only inside global unicast (2000::/3); IPv6 forms that carry an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64, SIIT, 6to4) are judged by that IPv4 address.
 */
export type AddressCategory =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "unique-local"
  | "multicast"
  | "reserved";

export type AddressVerdict = { allowed: true } | { allowed: false; category: AddressCategory; range: string };

interface Block {
  range: IpRange;
  text: string;
  category: AddressCategory;
}

const block = (text: string, category: AddressCategory): Block => ({ range: parseIpRange(text)!, text, category });

// Most specific first: the first block that contains the address decides.
const IPV4_BLOCKS: readonly Block[] = [
  block("169.254.169.254/32", "metadata"), // AWS, GCP, Azure, OpenStack, Oracle instance metadata
  block("100.100.100.200/32", "metadata"), // Alibaba Cloud
  block("168.63.129.16/32", "metadata"), // Azure host (WireServer), a public address only VMs reach
  block("0.0.0.0/8", "unspecified"),
  block("10.0.0.0/8", "private"),
  block("100.64.0.0/10", "shared"), // carrier-grade NAT
  block("127.0.0.0/8", "loopback"),
  block("169.254.0.0/16", "link-local"),
  block("172.16.0.0/12", "private"),
  block("192.0.0.0/24", "reserved"), // IETF protocol assignments
  block("192.0.2.0/24", "reserved"), // documentation
  block("192.88.99.0/24", "reserved"), // 6to4 relay anycast (deprecated)
  block("192.168.0.0/16", "private"),
  block("198.18.0.0/15", "reserved"), // benchmarking
  block("198.51.100.0/24", "reserved"), // documentation
  block("203.0.113.0/24", "reserved"), // documentation
  block("224.0.0.0/4", "multicast"),
  block("240.0.0.0/4", "reserved"), // future use and the limited broadcast address
];

/** IPv6 blocks whose low 32 bits (or, for 6to4, bits 16-47) are an IPv4 address that decides instead. */
const EMBEDDING_BLOCKS: readonly { range: IpRange; shift: bigint }[] = [
  { range: parseIpRange("::ffff:0:0/96")!, shift: 0n }, // IPv4-mapped
  { range: parseIpRange("::ffff:0:0:0/96")!, shift: 0n }, // SIIT IPv4-translated
  { range: parseIpRange("64:ff9b::/96")!, shift: 0n }, // NAT64 well-known prefix
  { range: parseIpRange("2002::/16")!, shift: 80n }, // 6to4
];

const IPV6_BLOCKS: readonly Block[] = [
  block("::/128", "unspecified"),
  block("::1/128", "loopback"),
  block("fd00:ec2::254/128", "metadata"), // AWS instance metadata over IPv6
  block("64:ff9b:1::/48", "private"), // local-use NAT64
  block("::/8", "reserved"), // includes the deprecated IPv4-compatible ::a.b.c.d
  block("2001::/23", "reserved"), // IETF protocol assignments: Teredo, ORCHID, benchmarking
  block("2001:db8::/32", "reserved"), // documentation
  block("3fff::/20", "reserved"), // documentation
  block("fc00::/7", "unique-local"),
  block("fe80::/10", "link-local"),
  block("fec0::/10", "link-local"), // deprecated site-local
  block("ff00::/8", "multicast"),
];
const GLOBAL_UNICAST = parseIpRange("2000::/3")!;

function firstBlock(blocks: readonly Block[], address: IpAddress): AddressVerdict | undefined {
  const found = blocks.find((candidate) => rangeContains(candidate.range, address));
  return found && { allowed: false, category: found.category, range: found.text };
}

/** The IPv4 address an IPv6 address stands for, when it is one of the embedding forms. */
export function embeddedIpv4(address: IpAddress): IpAddress | undefined {
  if (address.version !== 6) return undefined;
  const embedding = EMBEDDING_BLOCKS.find((candidate) => rangeContains(candidate.range, address));
  return embedding && { version: 4, value: (address.value >> embedding.shift) & 0xffffffffn };
}

export function classifyIpAddress(address: IpAddress): AddressVerdict {
  const ipv4 = address.version === 4 ? address : embeddedIpv4(address);
  if (ipv4) {
    const verdict = firstBlock(IPV4_BLOCKS, ipv4) ?? { allowed: true };
    return verdict.allowed || address.version === 4 ? verdict : { ...verdict, range: `${verdict.range} as ${formatIpv4(ipv4.value)}` };
  }
  const verdict = firstBlock(IPV6_BLOCKS, address);
  if (verdict) return verdict;
  return rangeContains(GLOBAL_UNICAST, address) ? { allowed: true } : { allowed: false, category: "reserved", range: "outside 2000::/3" };
}
