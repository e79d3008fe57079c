/**
 * The acting user, as the data layer sees it. It only ever comes from the session
 * (lib/auth/session.ts), never from a request's body or query.
 */
export type Role = "student" | "instructor";

export type Actor = { userId: string; role: Role; name: string; email: string };
