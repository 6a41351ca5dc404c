/**
 * A `fetch` for the Inngest client in embedded mode: requests to the executor's intake (`/e/:key` under the
 * base URL, `/fn/register` at its origin) are answered in-process; anything else goes to the network.
 */
export type Intake = (request: Request) => Promise<Response>;

export function createEmbeddedFetch(baseUrl: string, intake: Intake): typeof fetch {
  const base = new URL(baseUrl);
  const embeddedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const forExecutor =
      url.origin === base.origin && (url.pathname === "/fn/register" || (url.pathname.startsWith(base.pathname) && /\/e\/[^/]+$/.test(url.pathname)));
    return forExecutor ? intake(request) : fetch(request);
  };
  return embeddedFetch as typeof fetch;
}
