import { describe, expect, it } from "vitest";
import { resolveInngestConnection, serveOptionsFor } from "@/inngest/connection";

const base = { INNGEST_BASE_URL: undefined, INNGEST_DEV: undefined, INNGEST_SERVE_ORIGIN: undefined, AUTH_URL: undefined, PORT: 3000 };

describe("the serve URL functions are registered at", () => {
  it.each([
    ["embedded: loopback, whatever AUTH_URL says", { AUTH_URL: "https://candlefish.example.com" }, "http://127.0.0.1:3000/api/inngest", false],
    ["embedded on another port", { PORT: 3200 }, "http://127.0.0.1:3200/api/inngest", false],
    ["Inngest server: INNGEST_SERVE_ORIGIN first", { INNGEST_BASE_URL: "http://inngest:8288", INNGEST_SERVE_ORIGIN: "http://app:3000/ignored", AUTH_URL: "https://x.example" }, "http://app:3000/api/inngest", false],
    ["Inngest server: else AUTH_URL's origin", { INNGEST_BASE_URL: "http://inngest:8288", AUTH_URL: "https://candlefish.example.com/api/auth" }, "https://candlefish.example.com/api/inngest", false],
    ["Inngest server: else loopback", { INNGEST_BASE_URL: "http://inngest:8288" }, "http://127.0.0.1:3000/api/inngest", false],
    ["dev server: unsigned syncs allowed", { INNGEST_DEV: "1" }, "http://127.0.0.1:3000/api/inngest", true],
  ])("%s", (_name, overrides, serveUrl, unauthedSync) => {
    const connection = resolveInngestConnection({ ...base, ...overrides });
    expect(connection.serveUrl).toBe(serveUrl);
    const url = new URL(serveUrl);
    expect(serveOptionsFor(connection)).toEqual({ serveOrigin: url.origin, servePath: "/api/inngest", enableUnauthedSync: unauthedSync });
  });
});
