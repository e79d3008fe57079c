/**
 * LTI Names and Role Provisioning Services 2.0: the course roster an LMS publishes, read page by
 * page, and which of its members become students of the course's class. Pure.
 */
import { z } from "zod";
import { roleFromLtiRoles } from "./launch";

export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
export const NRPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** More pages than this is a loop or a course no class is: stop reading. */
export const MAX_ROSTER_PAGES = 50;

const optionalText = z
  .string()
  .optional()
  .catch(undefined)
  .transform((s) => s?.trim() || undefined);

export const membershipContainerSchema = z.object({
  members: z.array(
    z.object({
      user_id: z.string().min(1).max(255),
      roles: z.array(z.string()),
      status: z.enum(["Active", "Inactive", "Deleted"]).optional().catch(undefined),
      name: optionalText,
      given_name: optionalText,
      family_name: optionalText,
      email: optionalText,
    }),
  ),
});
export type RosterMember = z.infer<typeof membershipContainerSchema>["members"][number];

/** The next page of a paged roster: the `Link` header's rel="next" target (RFC 8288), if any. */
export function nextPageUrl(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = part.match(/<([^>]+)>\s*;(.*)/);
    if (match && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2]!)) return match[1]!;
  }
  return null;
}

/** The members who are the course's students now: learners, active (or with no status given). */
export function activeLearners(members: readonly RosterMember[]): RosterMember[] {
  return members.filter((m) => (m.status ?? "Active") === "Active" && roleFromLtiRoles(m.roles) === "student");
}
