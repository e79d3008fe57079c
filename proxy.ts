/**
 * Three guards that must run before Next.js renders or decodes anything:
 * - Paths escaped so that no route can serve them (lib/security/path-escapes.ts) get the 404 page
 *   (an API address, a JSON 400) instead of Next.js's bare 500. Matched only on such paths.
 * - The nonce Content-Security-Policy of pages rendered per request. Next.js reads the nonce from
 *   the request's policy header while rendering and puts it on every script it writes.
 * - Server action requests, checked for the shape our forms send (lib/security/action-request.ts):
 *   Next.js answers a malformed one with a 500.
 * Matched only on pages rendered per request and on POSTs that may be actions: prerendered pages
 * carry a hash policy written after the build (lib/security/prerendered-policy.ts), and a proxy would cost
 * them almost half their throughput (docs/measurements.md); JSON routes are not HTML.
 * e2e/security-headers.spec.ts checks that every page of the build has one policy or the other.
 */
import { NextResponse, type NextRequest } from "next/server";
import { isPossibleServerAction, refuseMalformedAction } from "@/lib/security/action-request";
import { refuseForeignOrigin } from "@/lib/security/cross-site";
import { hasUnroutableEscape } from "@/lib/security/path-escapes";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

export async function proxy(request: NextRequest) {
  if (hasUnroutableEscape(request.nextUrl.pathname)) {
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json(
        { message: "That address is not valid: it contains characters no address here has." },
        { status: 400 },
      );
    }
    // The prerendered 404 page, with its own policy and the headers of next.config.js.
    return NextResponse.rewrite(new URL("/_not-found", request.url));
  }
  if (isPossibleServerAction(request.method, request.headers)) {
    // Next.js refuses a foreign Origin itself, but as a 500.
    const refusal = refuseForeignOrigin(request.headers) ?? (await refuseMalformedAction(request));
    if (refusal) return NextResponse.json({ message: refusal.message }, { status: refusal.status });
  }
  const policy = contentSecurityPolicy({ nonce: createNonce() }, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// (Next.js reads this statically: literals only.)
export const config = {
  matcher: [
    "/signin",
    "/signup",
    "/account",
    "/feedback",
    "/join",
    "/classes/:path*",
    "/lessons/:slug/summary",
    // The pattern of lib/security/path-escapes.ts (UNROUTABLE_ESCAPE), on every path.
    "/(.*%(?:[89a-fA-F]|[01][0-9a-fA-F]|7[fF]|(?![0-9a-fA-F]{2})).*)",
    // A server action can be posted to any page's address, prerendered ones included.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
