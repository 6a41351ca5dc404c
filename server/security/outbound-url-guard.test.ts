import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboundRequestRefusedError } from "@/server/security/outbound-request-refused-error";
import { createOutboundGuard } from "@/server/security/outbound-url-guard";
import { parseAllowList } from "@/server/security/private-endpoint-allow-list";

interface LocalServer {
  url: string;
  port: number;
  hits: string[];
  close(): Promise<void>;
}

async function startServer(handle: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => response.end("inside")): Promise<LocalServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url} host=${request.headers.host}`);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OutboundRequestRefusedError);
  return error as OutboundRequestRefusedError;
};

/** The guard against real sockets: a loopback server stands in for an internal service or a metadata endpoint. */
describe("outbound URL guard", () => {
  let internal: LocalServer;
  let redirector: LocalServer;
  const strict = createOutboundGuard({ allowList: [] });

  beforeAll(async () => {
    internal = await startServer();
    redirector = await startServer((_, response) => {
      response.writeHead(302, { location: `${internal.url}/latest/meta-data/` });
      response.end();
    });
  });
  afterAll(async () => {
    await Promise.all([internal.close(), redirector.close()]);
  });

  it.each([
    ["ftp://example.com/", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["gopher://example.com:70/", "scheme"],
    ["not a url", "invalid_url"],
    ["https://user:secret@example.com/v1", "credentials"],
    ["https://api.example.com/v1?api-version=1", "query"],
    ["https://api.example.com/v1?", "query"],
    ["https://api.example.com/v1#x", "query"],
  ])("refuses the base URL %s (%s) before resolving anything", async (url, reason) => {
    expect(await refusal(strict.checkUrl(url, { base: true }))).toMatchObject({ reason, code: "bad_request" });
  });

  it.each([
    ["http://127.0.0.1:8080/v1", /127\.0\.0\.1 is a loopback address/],
    ["http://2130706433/", /127\.0\.0\.1 is a loopback address/],
    ["http://0x7f.1/", /loopback/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://[::]/", /unspecified/],
    ["http://0.0.0.0:11434/", /unspecified/],
    ["http://169.254.169.254/latest/meta-data/", /cloud metadata service/],
    ["http://[fd00:ec2::254]/", /cloud metadata service/],
    ["http://100.64.1.1/", /carrier-grade NAT/],
    ["http://10.0.0.5/", /private-network/],
    ["http://localhost:11434/v1", /localhost resolves to a loopback address/],
  ])("refuses %s, naming what it is and how an operator allows it", async (url, message) => {
    const error = await refusal(strict.checkUrl(url, { base: true }));
    expect(error.reason).toBe("private_address");
    expect(error.message).toMatch(message);
    expect(error.message).toContain("ALLOWED_PRIVATE_ENDPOINTS");
  });

  it("refuses a name when any of its addresses is private, and one that does not resolve", async () => {
    const guard = createOutboundGuard({ allowList: [], resolveHost: async () => ["93.184.216.34", "10.0.0.1"] });
    expect(await refusal(guard.checkUrl("https://mixed.example/"))).toMatchObject({ reason: "private_address", message: expect.stringMatching(/^mixed\.example resolves to a private-network address/) });
    const nowhere = createOutboundGuard({ allowList: [], resolveHost: async () => Promise.reject(new Error("ENOTFOUND")) });
    expect(await refusal(nowhere.checkUrl("https://nowhere.example/"))).toMatchObject({ reason: "unresolvable" });
    const publicOnly = createOutboundGuard({ allowList: [], resolveHost: async () => ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"] });
    expect((await publicOnly.checkUrl("https://api.example.com/v1", { base: true })).href).toBe("https://api.example.com/v1");
  });

  it("does not connect to a loopback service, whatever the URL spells", async () => {
    for (const url of [`${internal.url}/`, `http://localhost:${internal.port}/`, `http://2130706433:${internal.port}/`, `http://[::ffff:127.0.0.1]:${internal.port}/`]) {
      expect(await refusal(strict.fetch(url))).toMatchObject({ reason: "private_address" });
    }
    expect(await refusal(strict.fetch(new Request(`${internal.url}/`, { method: "POST", body: "x" })))).toMatchObject({ reason: "private_address" });
    expect(internal.hits).toEqual([]);
  });

  it("lets an allow-listed host and port through, and only that port", async () => {
    const guard = createOutboundGuard({ allowList: parseAllowList(`127.0.0.1:${internal.port}`) });
    expect(await (await guard.fetch(`${internal.url}/v1/models`)).text()).toBe("inside");
    const posted = await guard.fetch(new Request(`${internal.url}/v1/chat`, { method: "POST", body: "{}" }));
    expect(posted.status).toBe(200);
    expect(await refusal(guard.fetch(`${redirector.url}/`))).toMatchObject({ reason: "private_address" });
    expect(redirector.hits).toEqual([]);
    expect(internal.hits.map((hit) => hit.split(" host=")[0])).toEqual(["GET /v1/models", "POST /v1/chat"]);
    internal.hits.length = 0;
  });

  it("refuses redirects instead of following them", async () => {
    const guard = createOutboundGuard({ allowList: parseAllowList(`127.0.0.1:${redirector.port},127.0.0.1:${internal.port}`) });
    const error = await refusal(guard.fetch(`${redirector.url}/v1/chat/completions`, { method: "POST", body: "{}" }));
    expect(error).toMatchObject({ reason: "redirect", message: expect.stringMatching(/answered with a redirect \(302\); redirects are not followed/) });
    expect(redirector.hits).toHaveLength(1);
    expect(internal.hits).toEqual([]);
  });

  it("connects to the address it checked, so a second DNS answer (rebinding) cannot change it", async () => {
    const answers = [["93.184.216.34"], ["127.0.0.1"]];
    const rebinding = createOutboundGuard({ allowList: [], resolveHost: async () => answers.shift() ?? ["127.0.0.1"] });
    await rebinding.checkUrl(`http://rebind.example:${internal.port}/`);
    expect(await refusal(rebinding.fetch(`http://rebind.example:${internal.port}/`))).toMatchObject({ reason: "private_address" });
    expect(internal.hits).toEqual([]);

    // A name only the guard's resolver knows reaches the server: the socket went to the checked address.
    const pinned = createOutboundGuard({ allowList: parseAllowList(`127.0.0.1:${internal.port}`), resolveHost: async () => ["127.0.0.1"] });
    expect(await (await pinned.fetch(`http://only-the-guard-knows.example:${internal.port}/x`)).text()).toBe("inside");
    expect(internal.hits).toEqual([`GET /x host=only-the-guard-knows.example:${internal.port}`]);
    internal.hits.length = 0;
  });

  it("tries the host's next checked address when one refuses the connection", async () => {
    // Nothing listens on 127.0.0.2 (the server is bound to 127.0.0.1), as with an IPv6 answer on an IPv4-only host.
    const guard = createOutboundGuard({ allowList: parseAllowList("127.0.0.0/8"), resolveHost: async () => ["127.0.0.2", "127.0.0.1"] });
    expect(await (await guard.fetch(`http://two-addresses.example:${internal.port}/y`)).text()).toBe("inside");
    expect(internal.hits).toEqual([`GET /y host=two-addresses.example:${internal.port}`]);
    internal.hits.length = 0;
  });
});
