import { describe, expect, it } from "vitest";
import { clientAddress, hasPrototypeParameter, isTrustedProxy, trustedProxyList } from "./client-address";

const proxies = trustedProxyList(["10.0.0.0/8", "fd00::/8", "192.0.2.7"]);
const none = trustedProxyList([]);

describe("clientAddress", () => {
  it("is the socket peer when the peer is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "1.2.3.4", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", null, none)).toBe("203.0.113.9");
  });

  it("behind trusted proxies, is the nearest untrusted hop, so a client cannot prepend a fake one", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9, 192.0.2.7", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:10.1.2.3", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("falls back to the peer when a trusted proxy forwards nothing usable, and is null with no peer", () => {
    expect(clientAddress("10.1.2.3", null, proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "not an address", proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "10.0.0.1", proxies)).toBe("10.0.0.1");
    expect(clientAddress(null, "1.2.3.4", proxies)).toBeNull();
  });
});

describe("isTrustedProxy", () => {
  it("matches CIDR ranges and single addresses of either family", () => {
    expect(isTrustedProxy("10.255.0.1", proxies)).toBe(true);
    expect(isTrustedProxy("fd12::1", proxies)).toBe(true);
    expect(isTrustedProxy("192.0.2.7", proxies)).toBe(true);
    expect(isTrustedProxy("192.0.2.8", proxies)).toBe(false);
    expect(isTrustedProxy("garbage", proxies)).toBe(false);
    expect(isTrustedProxy(null, proxies)).toBe(false);
  });
});

describe("hasPrototypeParameter", () => {
  it("finds a __proto__ parameter however it is written, and nothing else", () => {
    for (const target of ["/api/accounts?__proto__=x", "/api/x?a=1&__proto__", "/api/x?%5F%5Fproto%5F%5F=1"]) {
      expect(hasPrototypeParameter(target), target).toBe(true);
    }
    for (const target of ["/api/accounts", "/api/x?proto=1", "/api/__proto__", "/api/x?q=__proto__"]) {
      expect(hasPrototypeParameter(target), target).toBe(false);
    }
  });
});
