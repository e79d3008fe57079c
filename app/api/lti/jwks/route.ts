import { NextResponse } from "next/server";
import { publishedKeySet } from "@/db/access/lti-registrations";
import { errorResponse } from "@/lib/route-handler";

/**
 * The tool's public signing keys (RFC 7517), which a registered LMS fetches to check the tool's
 * messages (deep-linking responses, service tokens). Public by design; kept briefly by caches.
 */
export async function GET() {
  try {
    return NextResponse.json(await publishedKeySet(), { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (err) {
    return errorResponse(err);
  }
}
