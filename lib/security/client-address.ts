// Who sent a request. The socket's peer is the only address a client cannot choose; forwarded
// headers (X-Forwarded-For, X-Forwarded-Host) mean something only when that peer is a proxy the
// operator named in `server.trustedProxies`. Anyone else may write whatever they like there.
import { BlockList, isIP } from "node:net";

/**
 * The socket peer of the request, set by the HTTP server itself (lib/server/listeners.ts) over
 * whatever a client sent under this name.
 */
export const PEER_ADDRESS_HEADER = "x-imagefleet-peer-address";

/**
 * Set by the HTTP server when the raw query names a parameter `__proto__`: Next.js drops it while
 * parsing, before proxy.ts or a route handler could see it.
 */
export const PROTOTYPE_PARAMETER_HEADER = "x-imagefleet-prototype-parameter";

/** Whether a raw request target's query has a parameter named `__proto__` (in any encoding). */
export function hasPrototypeParameter(target: string): boolean {
  const query = target.indexOf("?");
  return query >= 0 && new URLSearchParams(target.slice(query + 1)).has("__proto__");
}

export type TrustedProxies = BlockList;

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 seen through an IPv6 socket. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function family(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** `trustedProxies` entries: CIDR ranges or single addresses, IPv4 or IPv6 (validated by the config schema). */
export function trustedProxyList(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const kind = family(normalise(address));
    if (!kind) continue;
    if (prefix === undefined) list.addAddress(normalise(address), kind);
    else list.addSubnet(normalise(address), Number(prefix), kind);
  }
  return list;
}

export function isTrustedProxy(address: string | null, trusted: TrustedProxies): boolean {
  if (!address) return false;
  const normalised = normalise(address);
  const kind = family(normalised);
  return kind !== null && trusted.check(normalised, kind);
}

/**
 * The client's address: the peer, unless the peer is a trusted proxy; then the nearest address in
 * X-Forwarded-For (read right to left, as each proxy appends) that is not itself a trusted proxy.
 * null when the peer is unknown (the server did not say).
 */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | null,
  trusted: TrustedProxies,
): string | null {
  if (!peer) return null;
  if (!isTrustedProxy(peer, trusted)) return normalise(peer);
  const hops = (forwardedFor ?? "")
    .split(",")
    .map(normalise)
    .filter((hop) => family(hop) !== null);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrustedProxy(hops[i]!, trusted)) return hops[i]!;
  }
  return hops[0] ?? normalise(peer);
}
