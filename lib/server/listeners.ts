// The HTTP servers this process really listens on. `next start -p N` without -H binds every
// interface whatever HOST says, so exposure is decided from the sockets, after listen; and the
// servers stamp each request with its socket peer, which Next.js does not pass on to our code
// (it fills X-Forwarded-For with it only when the client sent none).
import http from "node:http";
import net from "node:net";
import { listenHost } from "@/lib/auth/exposure";
import { hasPrototypeParameter, PEER_ADDRESS_HEADER, PROTOTYPE_PARAMETER_HEADER } from "@/lib/security/client-address";

/** Node keeps no public list of a process's servers, and Next.js does not hand its own to the app. */
function activeHandles(): unknown[] {
  const internal = process as unknown as { _getActiveHandles?: () => unknown[] };
  return internal._getActiveHandles?.() ?? [];
}

function listeningServers(): net.Server[] {
  return activeHandles().filter((handle): handle is net.Server => handle instanceof net.Server && handle.listening);
}

/** The addresses this process listens on ("0.0.0.0" and "::" for every interface); empty before listen. */
export function listenAddresses(): string[] {
  return listeningServers().flatMap((server) => {
    const address = server.address();
    return address && typeof address === "object" ? [address.address] : [];
  });
}

const stamped = new WeakSet<net.Server>();

/**
 * Makes every listening HTTP server of this process record each request's socket peer in
 * PEER_ADDRESS_HEADER, replacing any value the client sent, before Next.js sees the request; and
 * flag a `__proto__` query parameter, which Next.js drops unseen (proxy.ts refuses it).
 */
export function stampPeerAddresses(): void {
  for (const server of listeningServers()) {
    if (!(server instanceof http.Server) || stamped.has(server)) continue;
    stamped.add(server);
    server.prependListener("request", (request: http.IncomingMessage) => {
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
      if (hasPrototypeParameter(request.url ?? "")) request.headers[PROTOTYPE_PARAMETER_HEADER] = "1";
      else delete request.headers[PROTOTYPE_PARAMETER_HEADER];
    });
  }
}

/** Where this process serves: the listening sockets, or before any listens, where it was told to. */
export function servedAddresses(): string[] {
  const addresses = listenAddresses();
  return addresses.length ? addresses : [listenHost()];
}
