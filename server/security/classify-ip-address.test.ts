import { describe, expect, it } from "vitest";
import { classifyIpAddress } from "@/server/security/classify-ip-address";
import { parseIpAddress, parseIpRange } from "@/server/security/parse-ip-address";

/** The host of a URL exactly as the server would see it: the WHATWG URL parser's canonical form. */
const hostOf = (url: string) => new URL(url).hostname;

const classify = (text: string) => {
  const address = parseIpAddress(text);
  if (!address) throw new Error(`not an address: ${text}`);
  return classifyIpAddress(address);
};

describe("classifyIpAddress", () => {
  it.each([
    // IPv4 literals in every spelling the URL parser accepts
    ["http://127.0.0.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://0x7f000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://127.255.255.254/", "loopback"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://0/", "unspecified"],
    ["http://10.0.0.1/", "private"],
    ["http://172.16.0.1/", "private"],
    ["http://172.31.255.255/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://100.64.0.1/", "shared"],
    ["http://100.127.255.255/", "shared"],
    ["http://169.254.169.254/", "metadata"],
    ["http://0xa9fea9fe/", "metadata"],
    ["http://100.100.100.200/", "metadata"],
    ["http://168.63.129.16/", "metadata"],
    ["http://169.254.1.1/", "link-local"],
    ["http://224.0.0.1/", "multicast"],
    ["http://239.255.255.250/", "multicast"],
    ["http://255.255.255.255/", "reserved"],
    ["http://240.0.0.1/", "reserved"],
    ["http://192.0.0.8/", "reserved"],
    ["http://192.0.2.1/", "reserved"],
    ["http://198.18.0.1/", "reserved"],
    ["http://198.51.100.1/", "reserved"],
    ["http://203.0.113.1/", "reserved"],
    // IPv6, including the forms that carry an IPv4 address
    ["http://[::]/", "unspecified"],
    ["http://[::1]/", "loopback"],
    ["http://[0:0:0:0:0:0:0:1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[::ffff:7f00:1]/", "loopback"],
    ["http://[::ffff:169.254.169.254]/", "metadata"],
    ["http://[::ffff:10.1.2.3]/", "private"],
    ["http://[::ffff:0:127.0.0.1]/", "loopback"],
    ["http://[64:ff9b::127.0.0.1]/", "loopback"],
    ["http://[64:ff9b::a9fe:a9fe]/", "metadata"],
    ["http://[64:ff9b:1::1]/", "private"],
    ["http://[2002:7f00:1::1]/", "loopback"],
    ["http://[2002:c0a8:101::1]/", "private"],
    ["http://[::127.0.0.1]/", "reserved"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://[fc00::1]/", "unique-local"],
    ["http://[fd12:3456:789a::1]/", "unique-local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[fec0::1]/", "link-local"],
    ["http://[ff02::1]/", "multicast"],
    ["http://[2001:db8::1]/", "reserved"],
    ["http://[2001::1]/", "reserved"],
    ["http://[3fff::1]/", "reserved"],
    ["http://[4000::1]/", "reserved"],
  ])("%s is refused as %s", (url, category) => {
    expect(classifyIpAddress(parseIpAddress(hostOf(url))!)).toMatchObject({ allowed: false, category });
  });

  it.each([
    "http://8.8.8.8/",
    "http://93.184.216.34/",
    "http://172.32.0.1/",
    "http://100.128.0.1/",
    "http://169.253.255.255/",
    "http://[2606:4700:4700::1111]/",
    "http://[2a00:1450:4001:82a::200e]/",
    "http://[::ffff:8.8.8.8]/",
    "http://[64:ff9b::8.8.8.8]/",
    "http://[2002:808:808::1]/",
  ])("%s is public", (url) => {
    expect(classifyIpAddress(parseIpAddress(hostOf(url))!)).toEqual({ allowed: true });
  });

  it("names the IPv4 address an IPv6 form stands for", () => {
    expect(classify("::ffff:127.0.0.1")).toEqual({ allowed: false, category: "loopback", range: "127.0.0.0/8 as 127.0.0.1" });
  });
});

describe("parseIpAddress and parseIpRange", () => {
  it.each(["1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-1", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::g", "example.com", ""])(
    "refuses %j",
    (text) => expect(parseIpAddress(text)).toBeUndefined(),
  );

  it("reads brackets, zones, compressed and dotted-quad IPv6", () => {
    expect(parseIpAddress("[::1]")).toEqual({ version: 6, value: 1n });
    expect(parseIpAddress("fe80::1%eth0")).toEqual({ version: 6, value: (0xfe80n << 112n) | 1n });
    expect(parseIpAddress("::ffff:1.2.3.4")).toEqual(parseIpAddress("::ffff:102:304"));
    expect(parseIpAddress("1:2:3:4:5:6:7::")).toEqual(parseIpAddress("1:2:3:4:5:6:7:0"));
  });

  it("reads ranges and refuses bad prefixes", () => {
    expect(parseIpRange("10.1.2.3/8")).toEqual({ version: 4, base: 10n << 24n, prefix: 8 });
    expect(parseIpRange("::1")).toEqual({ version: 6, base: 1n, prefix: 128 });
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/x"]) expect(parseIpRange(bad)).toBeUndefined();
  });
});
