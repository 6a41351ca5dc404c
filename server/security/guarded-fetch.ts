import { Agent, buildConnector, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";
import { checkUrlShape, type ResolveAllowedAddresses } from "@/server/security/check-outbound-url";
import { findOutboundRefusal, OutboundRequestRefusedError } from "@/server/security/outbound-request-refused-error";
import { parseIpAddress } from "@/server/security/parse-ip-address";

const CONNECT_TIMEOUT_MS = 10_000;
// Failures after which the next address of the host is tried (an IPv6 answer on a machine without IPv6, ...).
const TRY_NEXT_ADDRESS = new Set(["ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * An undici Agent whose every new connection goes to an address `resolveAddresses` approved: the connector
 * resolves the host itself and connects to those very addresses in turn (TLS still verifies the host's name),
 * so the address checked is the address connected to.
 */
function createGuardedAgent(resolveAddresses: ResolveAllowedAddresses): Agent {
  const connect = buildConnector({ timeout: CONNECT_TIMEOUT_MS });
  return new Agent({
    connect(options, callback) {
      const port = Number(options.port) || (options.protocol === "https:" ? 443 : 80);
      const servername = options.servername || (parseIpAddress(options.hostname) ? undefined : options.hostname);
      const attempt = (addresses: string[], index: number) =>
        connect({ ...options, hostname: addresses[index]!, servername }, (...result) => {
          const code = (result[0] as { code?: string } | null)?.code;
          if (code && TRY_NEXT_ADDRESS.has(code) && index + 1 < addresses.length) attempt(addresses, index + 1);
          else callback(...result);
        });
      resolveAddresses(options.hostname, port).then(
        (addresses) => attempt(addresses, 0),
        (error: Error) => callback(error, null),
      );
    },
  });
}

/** Method, headers, body and signal of a Request passed as fetch's first argument, so undici sees them. */
function splitInput(input: string | URL | Request, init: RequestInit | undefined): { url: string; init: RequestInit } {
  if (typeof input === "string" || input instanceof URL) return { url: String(input), init: init ?? {} };
  const fromRequest: RequestInit & { duplex?: "half" } = { method: input.method, headers: input.headers, body: input.body, signal: input.signal, duplex: "half" };
  return { url: input.url, init: { ...fromRequest, ...init } };
}

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;

/**
 * `fetch` for URLs a user or tenant supplied: http(s) only, no credentials in the URL, every connection checked
 * by address, and a redirect is an error (never followed: it could point anywhere).
 */
export function createGuardedFetch(resolveAddresses: ResolveAllowedAddresses): typeof fetch {
  const dispatcher = createGuardedAgent(resolveAddresses);
  return async (input, init) => {
    const request = splitInput(input, init);
    checkUrlShape(request.url, { base: false });
    // The platform's fetch types and undici's describe the same WHATWG shapes but are declared separately.
    const undiciInit = { ...(request.init as UndiciRequestInit), dispatcher, redirect: "manual" as const };
    const response = await undiciFetch(request.url, undiciInit).catch((error: unknown) => {
      throw findOutboundRefusal(error) ?? error;
    });
    if (isRedirect(response.status)) {
      await response.body?.cancel();
      throw new OutboundRequestRefusedError("redirect", `${new URL(request.url).host} answered with a redirect (${response.status}); redirects are not followed. Use the final URL.`);
    }
    return response as unknown as Response;
  };
}
