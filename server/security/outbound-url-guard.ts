import { checkUrlShape, createAddressResolver, defaultPort, type AddressPolicy } from "@/server/security/check-outbound-url";
import { createGuardedFetch } from "@/server/security/guarded-fetch";

/**
 * The one gate for server-side requests to URLs that users or tenants supplied (model endpoints, connectors,
 * Salesforce's login and instance URLs). Loopback, private, link-local, metadata and other non-public
 * addresses are refused unless the operator allow-listed them (`ALLOWED_PRIVATE_ENDPOINTS`). Operator
 * configuration from the environment (OPENAI_BASE_URL, ...) is trusted and does not pass through here.
 *
 * A connector takes an OutboundGuard (not a bare fetch), calls `checkUrl` when a URL is saved and uses
 * `fetch` for every request, so the same rule holds at save time and at call time.
 */
export interface OutboundGuard {
  /**
   * Checks a URL before it is stored or used: shape (http(s), no credentials, no query for a base URL), then
   * every address its host resolves to. Throws OutboundRequestRefusedError (a 400 AppError) with the reason.
   */
  checkUrl(url: string | URL, options?: { base?: boolean }): Promise<URL>;
  /** `fetch` that checks the address of every connection it opens and refuses redirects. */
  fetch: typeof fetch;
}

export function createOutboundGuard(policy: AddressPolicy): OutboundGuard {
  const resolveAddresses = createAddressResolver(policy);
  return {
    async checkUrl(text, options = {}) {
      const url = checkUrlShape(text, { base: options.base ?? false });
      await resolveAddresses(url.hostname, defaultPort(url));
      return url;
    },
    fetch: createGuardedFetch(resolveAddresses),
  };
}
