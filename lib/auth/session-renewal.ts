/**
 * When a session cookie is issued again. A class signs in together on the first day, so sessions
 * that simply ran out after 30 days would run out together, and the whole class would queue at the
 * password hash again (about 0.7 s of a core each: 30 students need 11 s of a 2-core server). A
 * session in use is therefore renewed, at most once a day, for another 30 days of idleness, up to a
 * term from the sign-in it began with: a student who keeps using Marginalia signs in once a term,
 * and a session left unused still ends after 30 days.
 */
export const SESSION_IDLE_S = 30 * 24 * 60 * 60;
/** How long one sign-in lasts at most, however much it is used: about a school term. */
export const SESSION_TERM_S = 120 * 24 * 60 * 60;
/** A cookie younger than this is left alone: renewing on every request would cost a write each. */
export const RENEW_AFTER_S = 24 * 60 * 60;

export type SessionClaims = { iat?: unknown; exp?: unknown; auth_time?: unknown };

/**
 * The lifetime in seconds to issue the token again with (and the sign-in time it carries), or null
 * when it should be left as it is: too young, at the end of its term, or without the times to judge.
 */
export function sessionRenewal(claims: SessionClaims, nowS: number): { maxAgeS: number; authTime: number } | null {
  const { iat, exp } = claims;
  if (typeof iat !== "number" || typeof exp !== "number" || nowS >= exp) return null;
  if (nowS - iat < RENEW_AFTER_S) return null;
  const authTime = typeof claims.auth_time === "number" && claims.auth_time <= iat ? claims.auth_time : iat;
  const maxAgeS = Math.min(SESSION_IDLE_S, authTime + SESSION_TERM_S - nowS);
  // Only ever later: a renewal never shortens a session.
  return nowS + maxAgeS > exp ? { maxAgeS, authTime } : null;
}
