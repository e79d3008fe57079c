/**
 * The nonce Content-Security-Policy of pages rendered per request. Next.js reads the nonce from the
 * request's policy header while rendering and puts it on every script it writes.
 * Matched only on those pages: prerendered pages carry a hash policy written after the build
 * (scripts/prerendered-csp.ts), and a proxy would cost them almost half their throughput
 * (../shared/STACK.md); JSON routes are not HTML. e2e/security-headers.spec.ts checks that every
 * page of the build has one policy or the other.
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce() }, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/signin", "/signup", "/account", "/feedback", "/join", "/classes/:path*", "/lessons/:slug/summary"],
};
