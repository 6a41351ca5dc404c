import { describe, expect, it } from "vitest";
import { appOrigins, findCrossSiteRefusal } from "@/server/http/check-request-origin";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });
const session = { cookie: "theme=dark; __Secure-authjs.session-token.0=abc" };

describe("appOrigins", () => {
  it("is AUTH_URL's origin when set, else this port on loopback, never a request header", () => {
    expect(appOrigins({ AUTH_URL: "https://app.example.com/base/", PORT: 3000 })).toEqual(["https://app.example.com"]);
    expect(appOrigins({ AUTH_URL: undefined, PORT: 4100 })).toEqual(["http://localhost:4100", "http://127.0.0.1:4100", "http://[::1]:4100"]);
  });
});

describe("findCrossSiteRefusal", () => {
  const allowed = appOrigins({ AUTH_URL: "https://app.example.com", PORT: 3000 });
  it.each([
    ["POST", { ...session, origin: "https://evil.example" }],
    ["DELETE", { ...session, origin: "http://app.example.com" }],
    ["PUT", { ...session, origin: "null", referer: "https://app.example.com/chat" }],
    ["PATCH", { ...session, referer: "https://evil.example/x" }],
    ["POST", { ...session }],
  ])("refuses %s with the session cookie and %j", (method, headers) => {
    expect(findCrossSiteRefusal(request(method, headers), allowed)).toMatch(/https:\/\/app\.example\.com/);
  });

  it.each([
    ["POST", { ...session, origin: "https://app.example.com" }],
    ["POST", { ...session, referer: "https://app.example.com/workbooks" }],
    ["GET", { ...session, origin: "https://evil.example" }],
    ["POST", { cookie: "authjs.csrf-token=x", origin: "https://evil.example" }],
    ["POST", { authorization: "Bearer cf_key", origin: "https://evil.example" }],
  ])("lets %s with %j through", (method, headers) => {
    expect(findCrossSiteRefusal(request(method, headers), allowed)).toBeUndefined();
  });
});
