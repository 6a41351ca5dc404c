import { describe, expect, it } from "vitest";
import { parseIpAddress } from "@/server/security/parse-ip-address";
import { isAllowListed, parseAllowList } from "@/server/security/private-endpoint-allow-list";


describe("ALLOWED_PRIVATE_ENDPOINTS", () => {
  it("reads hosts, host:port, addresses, [IPv6]:port and CIDR ranges", () => {
    const list = parseAllowList(" localhost:11434, ollama.internal ,127.0.0.1:8000, [::1]:9000, ::1, 10.0.0.0/8, fd00::/8 ");
    expect(list.map((entry) => [entry.kind, entry.port])).toEqual([
      ["host", 11434],
      ["host", undefined],
      ["range", 8000],
      ["range", 9000],
      ["range", undefined],
      ["range", undefined],
      ["range", undefined],
    ]);
    expect(parseAllowList(undefined)).toEqual([]);
    expect(parseAllowList("")).toEqual([]);
  });

  it("names every malformed entry", () => {
    expect(() => parseAllowList("localhost:0, http://x, 10.0.0.0/8:80, 10.0.0.0/40, [localhost]:80, ok.host")).toThrow(
      '"localhost:0", "http://x", "10.0.0.0/8:80", "10.0.0.0/40", "[localhost]:80" are not hosts, host:port, IP address, [IPv6]:port or CIDR range',
    );
  });

  it.each([
    ["127.0.0.1:11434", ["127.0.0.1", 11434, "127.0.0.1"], true],
    ["127.0.0.1:11434", ["127.0.0.1", 11435, "127.0.0.1"], false],
    ["127.0.0.1:11434", ["127.0.0.2", 11434, "127.0.0.2"], false],
    ["127.0.0.1", ["127.0.0.1", 1, "127.0.0.1"], true],
    ["127.0.0.1:11434", ["localhost", 11434, "::ffff:127.0.0.1"], true],
    ["localhost:11434", ["LOCALHOST.", 11434, "::1"], true],
    ["localhost:11434", ["127.0.0.1", 11434, "127.0.0.1"], false],
    ["ollama.internal", ["ollama.internal", 80, "10.1.2.3"], true],
    ["ollama.internal", ["evil.ollama.internal", 80, "10.1.2.3"], false],
    ["10.0.0.0/8", ["gpu-box", 8000, "10.200.0.1"], true],
    ["10.0.0.0/8", ["gpu-box", 8000, "11.0.0.1"], false],
    ["[::1]:9000", ["::1", 9000, "::1"], true],
    ["fd00::/8", ["v6", 1, "fd12::1"], true],
    ["fd00::/8", ["v6", 1, "fc00::1"], false],
  ] as const)("%s, for host %j connecting to %j: %s", (entries, [host, port, address], expected) => {
    expect(isAllowListed(parseAllowList(entries), { host, port, address: parseIpAddress(address)! })).toBe(expected);
  });
});
