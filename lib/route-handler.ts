/**
 * The edge of every JSON route handler: the actor from the session, the body parsed once with
 * zod, and typed errors mapped to HTTP statuses with a message (and field errors) the page shows.
 */
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { getActor, renewSessionIfDue } from "@/lib/auth/session";
import { DomainError, ForbiddenError, NotFoundError, RateLimitError } from "@/lib/errors";
import { refuseCrossSiteJson } from "@/lib/security/cross-site";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "./database-errors";
import { logServerError } from "@/lib/server-error";

type Body = { message: string; errors?: Record<string, string[] | undefined>; reference?: string };

export function errorResponse(err: unknown): NextResponse<Body> {
  if (err instanceof RateLimitError) {
    return NextResponse.json(
      { message: err.message, errors: err.field ? { [err.field]: [err.message] } : undefined },
      { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds) } },
    );
  }
  if (err instanceof DomainError)
    return NextResponse.json(
      { message: err.message, errors: err.field ? { [err.field]: [err.message] } : undefined },
      { status: 422 },
    );
  if (err instanceof NotFoundError) return NextResponse.json({ message: err.message }, { status: 404 });
  if (err instanceof ForbiddenError) return NextResponse.json({ message: err.message }, { status: 403 });
  const reference = logServerError("Route handler failed", err);
  if (isDatabaseUnavailable(err))
    return NextResponse.json(
      {
        message: `${DATABASE_UNAVAILABLE} It will be tried again. (Reference ${reference})`,
        reference,
      },
      { status: 503, headers: { "X-Error-Reference": reference, "Retry-After": "2" } },
    );
  return NextResponse.json(
    {
      message: `Something went wrong on our side and nothing was saved. It will be tried again. (Reference ${reference})`,
      reference,
    },
    { status: 500, headers: { "X-Error-Reference": reference } },
  );
}

const NO_STORE = { "Cache-Control": "private, no-store" };

/** What a per-user GET that every prerendered page makes answers a reader who is not signed in. */
export const SIGNED_OUT = { signedIn: false } as const;
export type SignedOut = typeof SIGNED_OUT;

/**
 * A JSON endpoint for signed-in users: parses the body with `schema`, runs `handler`, returns its result as JSON.
 * A state-changing request from another origin, or whose body is not declared JSON, is refused first
 * (lib/security/cross-site.ts), before the session is read. Without a session it answers 401, or, with
 * `answerSignedOut` (the per-user reads prerendered pages make for every visitor), 200 `{ signedIn: false }`:
 * not being signed in is the normal case there, not an error to log.
 */
export function jsonRoute<S extends z.ZodType, R>(
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<R>,
  { answerSignedOut = false } = {},
) {
  return async (request: Request): Promise<NextResponse> => {
    const crossSite = refuseCrossSiteJson(request.method, request.headers);
    if (crossSite)
      return NextResponse.json({ message: crossSite.message }, { status: crossSite.status, headers: NO_STORE });
    try {
      const actor = await getActor();
      if (!actor && answerSignedOut) return NextResponse.json(SIGNED_OUT, { headers: NO_STORE });
      if (!actor)
        return NextResponse.json(
          { message: "Your session has ended. Sign in again; your work is kept in this browser until then." },
          { status: 401, headers: NO_STORE },
        );
      let raw: unknown;
      try {
        raw = request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : await request.json();
      } catch {
        return NextResponse.json({ message: "The request was not valid JSON." }, { status: 400, headers: NO_STORE });
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const { formErrors, fieldErrors } = z.flattenError(parsed.error);
        return NextResponse.json(
          { message: formErrors[0] ?? "The request was not as expected.", errors: fieldErrors },
          { status: 400, headers: NO_STORE },
        );
      }
      const result = await handler(actor, parsed.data);
      // A session in use lasts the term; failing to renew it must not fail the request.
      await renewSessionIfDue().catch((err) => console.error("The session could not be renewed", err));
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (err) {
      // Reading the session can fail too (the database): every failure gets the same answer.
      const response = errorResponse(err);
      response.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
      return response;
    }
  };
}
