import type { Instrumentation } from "next";

/**
 * At start-up: a server whose settings or database are unusable stops with one sentence saying
 * why (no stack trace); forwarded client addresses are believed only from TRUSTED_PROXY; in
 * production, a build without its prerendered pages' policies is refused. Then, every 30 s, the
 * scores due to an LMS are sent (their retries: db/access/lti-scores.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const problem = await (await import("@/db/startup-check")).databaseProblem();
  if (problem) {
    console.error(`Marginalia cannot start. ${problem}`);
    process.exit(1);
  }
  const { parseTrustedProxies, trustForwardedAddressesOnlyFrom } = await import("@/lib/security/client-address");
  const { databaseEngine, readEnv } = await import("@/lib/env");
  const env = readEnv();
  // Several app servers share one PostgreSQL database: they share the generated signing secret through it too.
  if (databaseEngine(env) === "postgres" && !env.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = await (await import("@/db/app-secrets")).sharedSecret("nextauth");
  }
  trustForwardedAddressesOnlyFrom(parseTrustedProxies(env.TRUSTED_PROXY));
  if (process.env.NODE_ENV === "production") {
    (await import("@/lib/security/startup-check")).refuseBuildWithoutPolicies();
  }
  // Scores for the LMS are sent when they change; this sends the retries of those that failed.
  const { sendDueScores } = await import("@/db/access/lti-scores");
  setInterval(() => {
    sendDueScores().catch((err) => console.error("Sending scores to the LMS failed", err));
  }, 30_000).unref();
}

/**
 * Every error thrown while rendering a page (or in a route or action Next.js catches itself) is
 * logged with its digest: the reference app/error.tsx shows the person, so a report can be
 * matched to its log line. Next.js sends the browser the digest only, never the message or stack.
 */
export const onRequestError: Instrumentation.onRequestError = (err, request, context) => {
  const digest = (err as { digest?: string }).digest ?? "none";
  console.error(
    `[error ${digest}] ${request.method} ${request.path} (${context.routeType} ${context.routePath}):`,
    err,
  );
};
