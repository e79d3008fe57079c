/**
 * The address a request came from, for the per-address sign-in throttle. X-Forwarded-For is
 * written by whoever sends the request, so it is believed only from a proxy we were told to trust
 * (TRUSTED_PROXY: comma-separated addresses, such as the load balancer's); otherwise the address
 * is the socket's. Next.js itself fills X-Forwarded-For from the socket only when the client sent
 * none, so a client rotating the header would otherwise count as a new address each time.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/** `::ffff:127.0.0.1` (an IPv4 address on an IPv6 socket) is 127.0.0.1. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function parseTrustedProxies(setting: string | undefined): ReadonlySet<string> {
  return new Set((setting ?? "").split(",").map(normalise).filter(Boolean));
}

/**
 * From the socket inwards: a trusted proxy's X-Forwarded-For is read from its right end, past
 * further trusted proxies, to the first address none of ours wrote.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: ReadonlySet<string>,
): string {
  const socket = socketAddress ? normalise(socketAddress) : "unknown";
  if (!trusted.has(socket)) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalise)
    .filter(Boolean);
  let address = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i]!;
    if (!trusted.has(address)) break;
  }
  return address;
}

let installed = false;

/**
 * Rewrites every incoming request's X-Forwarded-For to the one resolved address, before Next.js
 * reads it (Node's `http.server.request.start` channel fires before the request reaches any
 * handler). Installed once per process, from instrumentation.ts.
 */
export function trustForwardedAddressesOnlyFrom(trusted: ReadonlySet<string>): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const request = (message as { request: IncomingMessage }).request;
    request.headers["x-forwarded-for"] = resolveClientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      trusted,
    );
  });
}
