// What proxy.ts needs to know about the network: which peers are trusted proxies, and which
// Host names this server answers to. A DNS-rebinding page reaches a loopback server under the
// attacker's own name; checking Host against the names the operator configured (plus loopback
// names and bare addresses, which a rebinding page cannot produce) turns it away.
import { isIP } from "node:net";
import { appConfig } from "@/lib/config/load";
import { isLoopbackHost } from "@/lib/config/loopback";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { clientAddress, isTrustedProxy, type TrustedProxies, trustedProxyList } from "./client-address";

export interface NetworkSettings {
  trustedProxies: TrustedProxies;
  /** Host names of the configured public base URLs. */
  publicHostNames: string[];
  /**
   * Whether Host is checked: always without sign-in; with sign-in only when a public base URL
   * names the host (the session cookie already keeps a rebinding page out).
   */
  checkHost: boolean;
}

export function networkSettingsFor(config: ImageFleetConfig): NetworkSettings {
  const baseUrls = [config.auth?.publicBaseUrl, config.alerts.publicBaseUrl].filter((url) => url !== undefined);
  return {
    trustedProxies: trustedProxyList(config.server.trustedProxies),
    publicHostNames: baseUrls.map((url) => new URL(url).hostname.toLowerCase()),
    checkHost: !config.auth || baseUrls.length > 0,
  };
}

let cached: NetworkSettings | undefined;

/** The settings of this process, read once (proxy.ts asks on every request). */
export function networkSettings(): NetworkSettings {
  cached ??= networkSettingsFor(appConfig().config);
  return cached;
}

export interface RequestNetworkFacts {
  /** The socket peer, as the server recorded it (PEER_ADDRESS_HEADER); null when unknown. */
  peer: string | null;
  host: string | null;
  forwardedFor: string | null;
  forwardedHost: string | null;
}

/** The client's address, for the rate limit; null when the server did not record the peer. */
export function requestClient(facts: RequestNetworkFacts, settings: NetworkSettings): string | null {
  return clientAddress(facts.peer, facts.forwardedFor, settings.trustedProxies);
}

function hostName(host: string): string | null {
  try {
    return new URL(`http://${host.trim()}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The host name the browser used, when this server may not answer to it; null when it may.
 * X-Forwarded-Host counts only from a trusted proxy (the proxy's own Host is internal).
 */
export function foreignHost(facts: RequestNetworkFacts, settings: NetworkSettings): string | null {
  if (!settings.checkHost) return null;
  const forwarded = isTrustedProxy(facts.peer, settings.trustedProxies)
    ? facts.forwardedHost?.split(",")[0]?.trim()
    : undefined;
  const claimed = forwarded || facts.host || "";
  const name = hostName(claimed);
  if (name === null) return claimed;
  const bare = name.replace(/^\[(.*)\]$/, "$1");
  if (isLoopbackHost(name) || isIP(bare) !== 0 || settings.publicHostNames.includes(name)) return null;
  return name;
}
