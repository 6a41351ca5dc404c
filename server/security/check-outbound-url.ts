import { lookup } from "node:dns/promises";
import { classifyIpAddress, type AddressCategory } from "@/server/security/classify-ip-address";
import { OutboundRequestRefusedError } from "@/server/security/outbound-request-refused-error";
import { parseIpAddress } from "@/server/security/parse-ip-address";
import { isAllowListed, type AllowList } from "@/server/security/private-endpoint-allow-list";

/** Resolves a host name to every address it has (the OS resolver by default). */
export type ResolveHost = (host: string) => Promise<string[]>;

export interface AddressPolicy {
  allowList: AllowList;
  resolveHost?: ResolveHost;
}

const DESCRIBED: Record<AddressCategory, string> = {
  unspecified: "an unspecified address (0.0.0.0 or ::)",
  loopback: "a loopback address",
  private: "a private-network address",
  shared: "a carrier-grade NAT address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata service address",
  "unique-local": "a private (unique local) IPv6 address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

const ALLOW_HINT =
  "The server does not call private, loopback, link-local or cloud metadata addresses for URLs entered in the product; an operator can allow one with ALLOWED_PRIVATE_ENDPOINTS.";

const resolveWithDns: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Checks what a URL says before anything is resolved: a valid http(s) URL without a user name or password, and
 * for a base URL (one paths are appended to) no query string or fragment.
 */
export function checkUrlShape(text: string | URL, options: { base: boolean }): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundRequestRefusedError("invalid_url", "That is not a valid URL. Enter it in full, e.g. https://api.example.com/v1.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundRequestRefusedError("scheme", "Only http:// and https:// URLs can be used.");
  if (url.username || url.password) {
    throw new OutboundRequestRefusedError("credentials", "The URL must not contain a user name or password; put credentials in their own fields.");
  }
  if (options.base && /[?#]/.test(url.href)) {
    throw new OutboundRequestRefusedError("query", "A base URL must not contain a query string or fragment (the parts after ? or #).");
  }
  return url;
}

export const defaultPort = (url: URL) => Number(url.port) || (url.protocol === "https:" ? 443 : 80);

/**
 * The addresses to connect to for `host`, after checking every address the host resolves to: one that is not
 * public and not allow-listed refuses the whole host (so a name cannot mix a public and a private answer).
 * Callers connect to a returned address itself, never resolving again, so DNS rebinding cannot slip past.
 */
export type ResolveAllowedAddresses = (host: string, port: number) => Promise<string[]>;

export function createAddressResolver(policy: AddressPolicy): ResolveAllowedAddresses {
  const resolveHost = policy.resolveHost ?? resolveWithDns;
  return async (host, port) => {
    const bare = host.replace(/^\[(.*)\]$/, "$1");
    const literal = parseIpAddress(bare) !== undefined;
    let addresses: string[];
    try {
      addresses = literal ? [bare] : await resolveHost(bare);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new OutboundRequestRefusedError("unresolvable", `The host ${bare} could not be found. Check the URL.`);
    for (const text of addresses) {
      const address = parseIpAddress(text);
      if (!address) throw new OutboundRequestRefusedError("unresolvable", `The host ${bare} resolved to something that is not an IP address.`);
      const verdict = classifyIpAddress(address);
      if (verdict.allowed || isAllowListed(policy.allowList, { host: bare, port, address })) continue;
      const what = DESCRIBED[verdict.category];
      const subject = literal ? `${bare} is ${what}` : `${bare} resolves to ${what}`;
      throw new OutboundRequestRefusedError("private_address", `${subject}. ${ALLOW_HINT}`);
    }
    return [...new Set(addresses.map((address) => address.replace(/%.*$/, "")))];
  };
}
