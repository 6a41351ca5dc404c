import { embeddedIpv4 } from "@/server/security/classify-ip-address";
import { parseIpRange, rangeContains, type IpAddress, type IpRange } from "@/server/security/parse-ip-address";

/**
 * `ALLOWED_PRIVATE_ENDPOINTS`: the private, loopback or link-local places an operator lets tenant-entered URLs
 * reach (Ollama or vLLM on the same machine, a database on the office network). A comma-separated list of:
 *   - a host name, any port: `ollama.internal` (trusted as the operator's DNS answers it)
 *   - a host name and port: `localhost:11434`
 *   - an address, any port: `10.0.0.7`, `::1`
 *   - an address and port: `127.0.0.1:11434`, `[::1]:11434`
 *   - a CIDR range, any port: `10.0.0.0/8`, `fd00::/8`
 */
export type AllowListEntry =
  | { kind: "host"; host: string; port?: number; text: string }
  | { kind: "range"; range: IpRange; port?: number; text: string };

export type AllowList = readonly AllowListEntry[];

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function parsePort(text: string): number | undefined {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  return port >= 1 && port <= 65_535 ? port : undefined;
}

function parseEntry(text: string): AllowListEntry | undefined {
  const bracketed = text.match(/^\[([^\]]+)\](?::(\d+))?$/);
  const hostPort = text.match(/^([^:/]+):(\d+)$/);
  const [hostText, portText] = bracketed ? [bracketed[1] ?? "", bracketed[2]] : hostPort ? [hostPort[1] ?? "", hostPort[2]] : [text, undefined];
  const port = portText === undefined ? undefined : parsePort(portText);
  if (portText !== undefined && port === undefined) return undefined;
  const range = parseIpRange(hostText);
  if (range) return port !== undefined && hostText.includes("/") ? undefined : { kind: "range", range, port, text };
  const host = hostText.toLowerCase().replace(/\.$/, "");
  return !bracketed && HOST_NAME.test(host) ? { kind: "host", host, port, text } : undefined;
}

/** Parses the variable's value; throws naming every entry that is not a host, host:port, address or CIDR. */
export function parseAllowList(value: string | undefined): AllowList {
  const texts = (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const entries = texts.map((text) => ({ text, entry: parseEntry(text) }));
  const invalid = entries.filter((item) => !item.entry).map((item) => `"${item.text}"`);
  if (invalid.length > 0) throw new Error(`${invalid.join(", ")} ${invalid.length > 1 ? "are not hosts" : "is not a host"}, host:port, IP address, [IPv6]:port or CIDR range`);
  return entries.flatMap((item) => (item.entry ? [item.entry] : []));
}

/**
 * Whether the operator allows connecting to `address` for a URL naming `host` on `port`. IPv6 forms of an
 * IPv4 address (IPv4-mapped, NAT64, 6to4) match IPv4 entries.
 */
export function isAllowListed(allowList: AllowList, target: { host: string; port: number; address: IpAddress }): boolean {
  const host = target.host.toLowerCase().replace(/\.$/, "");
  const addresses = [target.address, embeddedIpv4(target.address)].filter((address): address is IpAddress => address !== undefined);
  return allowList.some((entry) => {
    if (entry.port !== undefined && entry.port !== target.port) return false;
    return entry.kind === "host" ? entry.host === host : addresses.some((address) => rangeContains(entry.range, address));
  });
}
