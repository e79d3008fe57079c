/**
 * An LTI 1.3 launch as Marginalia reads it (LTI Core 1.3, OpenID Connect third-party login): what
 * the login initiation must carry, which claims a verified id_token must hold, and what they mean
 * here (who the person is, their role, the course, the lesson). Pure: the signature and the
 * database are checked in db/access/lti-launch.ts.
 */
import { z } from "zod";
import { truncateAtWord } from "@/lib/text";

export const LTI_CLAIM = {
  messageType: "https://purl.imsglobal.org/spec/lti/claim/message_type",
  version: "https://purl.imsglobal.org/spec/lti/claim/version",
  deploymentId: "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
  targetLinkUri: "https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
  roles: "https://purl.imsglobal.org/spec/lti/claim/roles",
  context: "https://purl.imsglobal.org/spec/lti/claim/context",
  resourceLink: "https://purl.imsglobal.org/spec/lti/claim/resource_link",
  custom: "https://purl.imsglobal.org/spec/lti/claim/custom",
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  data: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  gradeService: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  rosterService: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  launchPresentation: "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
} as const;

/** How long a login may take between initiation and launch. */
export const LAUNCH_STATE_TTL_MS = 10 * 60 * 1000;
/** How long an instructor may take to pick a lesson in deep linking. */
export const DEEP_LINK_TTL_MS = 30 * 60 * 1000;
/** How long the "open in a new window" pass from a framed launch stays valid. */
export const TICKET_TTL_MS = 2 * 60 * 1000;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The login initiation request (GET query or POST form) a platform sends first. */
export const loginInitiationSchema = z.object({
  iss: z.url({ error: "The login request names no issuer." }),
  login_hint: z
    .string({ error: "The login request has no login_hint." })
    .min(1, { error: "The login request has no login_hint." })
    .max(2000),
  target_link_uri: z.url({ error: "The login request has no target_link_uri." }),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: text(255).optional(),
  lti_deployment_id: text(255).optional(),
});
export type LoginInitiation = z.infer<typeof loginInitiationSchema>;

/** The form the platform posts to the launch URL. */
export const launchFormSchema = z.object({
  id_token: z
    .string({ error: "The launch carries no id_token." })
    .min(1, { error: "The launch carries no id_token." })
    .max(32_000, { error: "The launch's id_token is too long." }),
  state: z.string({ error: "The launch carries no state." }).min(1, { error: "The launch carries no state." }).max(200),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((s) => (s ? s : undefined));

/** The lesson picker's form (deep linking). */
export const deepLinkChoiceSchema = z.object({
  request: z.string({ error: "The form lost its request." }).min(1).max(100),
  lesson: z.string({ error: "Choose a lesson." }).regex(/^[a-z0-9-]{1,100}$/, { error: "Choose a lesson." }),
  show_answers: z
    .literal("true")
    .optional()
    .transform((v) => v === "true"),
});

/** The claims of a verified resource-link launch that Marginalia relies on; missing ones are named. */
export const launchClaimsSchema = z.object({
  sub: z.string({ error: "the person (sub)" }).min(1, { error: "the person (sub)" }).max(255),
  nonce: z.string({ error: "the nonce" }).min(1, { error: "the nonce" }),
  [LTI_CLAIM.messageType]: z.string({ error: "the message type" }),
  [LTI_CLAIM.version]: z.string({ error: "the LTI version" }),
  [LTI_CLAIM.deploymentId]: z.string({ error: "the deployment id" }).min(1, { error: "the deployment id" }).max(255),
  [LTI_CLAIM.roles]: z.array(z.string(), { error: "the roles" }),
  [LTI_CLAIM.context]: z.object(
    { id: z.string().min(1).max(255), title: optionalText(200), label: optionalText(100) },
    { error: "the course (context)" },
  ),
  [LTI_CLAIM.resourceLink]: z
    .object({ id: z.string().min(1).max(255), title: optionalText(200) }, { error: "the resource link" })
    .optional(),
  [LTI_CLAIM.custom]: z.record(z.string(), z.unknown()).optional().catch(undefined),
  /** Where this link's scores go; a malformed one is as good as none (the launch still works). */
  [LTI_CLAIM.gradeService]: z
    .object({
      scope: z.array(z.string()),
      lineitem: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
    })
    .optional()
    .catch(undefined),
  /** Where the LMS shows the launch (its return URL is on the course's own site); malformed is as good as none. */
  [LTI_CLAIM.launchPresentation]: z
    .object({
      return_url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
    })
    .optional()
    .catch(undefined),
  /** The course's roster service; malformed is as good as none. */
  [LTI_CLAIM.rosterService]: z
    .object({ context_memberships_url: z.url({ protocol: /^https?$/ }).max(2000) })
    .optional()
    .catch(undefined),
  [LTI_CLAIM.deepLinkingSettings]: z
    .object(
      {
        deep_link_return_url: z.url({ protocol: /^https?$/ }).max(2000),
        accept_types: z.array(z.string()),
        data: z.string().max(4000).optional(),
      },
      { error: "the deep linking settings" },
    )
    .optional(),
  name: optionalText(200),
  given_name: optionalText(100),
  family_name: optionalText(100),
  email: optionalText(254),
});
export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

export const MESSAGE_TYPES = ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"] as const;

/**
 * Why a launch is refused, for the person (a clear page) and the log (the code). Each is a
 * different thing an administrator or the platform would fix.
 */
export type LaunchRefusalCode =
  | "malformed-request"
  | "unknown-issuer"
  | "ambiguous-issuer"
  | "unknown-state"
  | "expired-state"
  | "not-a-token"
  | "bad-signature"
  | "keys-unavailable"
  | "wrong-issuer"
  | "wrong-audience"
  | "expired-token"
  | "nonce-mismatch"
  | "unknown-deployment"
  | "wrong-message-type"
  | "wrong-version"
  | "missing-claim"
  | "unsupported-role"
  | "role-mismatch"
  | "course-not-set-up"
  | "other-instructor"
  | "unknown-lesson"
  | "unknown-ticket"
  | "deep-linking-refused"
  | "unknown-deep-link";

export class LaunchRefusal extends Error {
  constructor(
    readonly code: LaunchRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "LaunchRefusal";
  }
}

/** The message for a claims-schema failure: which claims are missing or malformed. */
export function missingClaimsMessage(error: z.ZodError): string {
  const names = [...new Set(error.issues.map((i) => i.message))];
  return `The launch from your LMS is missing ${names.join(", ")}. Ask your LMS administrator to check how Marginalia is set up.`;
}

/** The role part of an LTI role URI ("…/membership#Instructor", "…/institution/person#Administrator") or short name. */
function roleName(uri: string): string {
  const afterHash = uri.includes("#") ? uri.slice(uri.lastIndexOf("#") + 1) : uri;
  return afterHash.slice(afterHash.lastIndexOf("/") + 1);
}

/**
 * Instructors, and administrators (of the course, institution or system), teach; learners study.
 * Anyone else (a mentor, a guest) is refused: Marginalia has no such role.
 */
export function roleFromLtiRoles(roles: readonly string[]): "instructor" | "student" | null {
  const names = new Set(roles.map(roleName));
  if (names.has("Instructor") || names.has("Administrator") || names.has("SysAdmin")) return "instructor";
  if (names.has("Learner") || names.has("Student")) return "student";
  return null;
}

/**
 * An LMS's text as a stored line: without the characters lib/validation/text.ts refuses (an LMS's
 * course title is not refused for them, so they are dropped), at most `max` characters.
 */
export function lmsLine(s: string, max: number): string {
  const clean = s
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/g, "");
  return truncateAtWord(clean, max);
}

/** What to call the person: their name, or given and family name, or a neutral fallback. */
export function displayName(claims: { name?: string; given_name?: string; family_name?: string }): string {
  const joined = [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return lmsLine(claims.name ?? joined, 80) || "LMS user";
}

/** The lesson a resource link opens: its custom parameter `lesson` (a lesson's slug), if any. */
export function launchLessonSlug(claims: Pick<LaunchClaims, typeof LTI_CLAIM.custom>): string | null {
  const value = claims[LTI_CLAIM.custom]?.lesson;
  return typeof value === "string" && /^[a-z0-9-]{1,100}$/.test(value) ? value : null;
}

/** The class name for a course: its title, or label, or id. */
export function courseClassName(context: LaunchClaims[typeof LTI_CLAIM.context]): string {
  return lmsLine(context.title ?? context.label ?? "", 80) || lmsLine(`Course ${context.id}`, 80);
}

/**
 * The claims of the tool's LtiDeepLinkingResponse (LTI Deep Linking 2.0 §4.2): one resource link
 * that opens `lesson` through this tool's launch, with a line item so the LMS makes a graded
 * assignment. Signed by the caller with the tool's key; `iss` is the tool's client id, `aud` the
 * platform's issuer.
 */
export function deepLinkingResponseClaims({
  clientId,
  platformIssuer,
  deploymentId,
  data,
  toolOrigin,
  lesson,
  showAnswers,
  nonce,
}: {
  clientId: string;
  platformIssuer: string;
  deploymentId: string;
  data: string | null;
  toolOrigin: string;
  lesson: { slug: string; title: string; points: number };
  showAnswers: boolean;
  nonce: string;
}): Record<string, unknown> {
  return {
    iss: clientId,
    aud: platformIssuer,
    nonce,
    [LTI_CLAIM.messageType]: "LtiDeepLinkingResponse",
    [LTI_CLAIM.version]: "1.3.0",
    [LTI_CLAIM.deploymentId]: deploymentId,
    ...(data !== null ? { [LTI_CLAIM.data]: data } : {}),
    [LTI_CLAIM.contentItems]: [
      {
        type: "ltiResourceLink",
        title: lesson.title,
        text: "A close-reading lesson in Marginalia: read the passages and answer their questions.",
        url: `${toolOrigin}/api/lti/launch`,
        custom: { lesson: lesson.slug, show_answers: String(showAnswers) },
        lineItem: { scoreMaximum: lesson.points, label: lesson.title, resourceId: lesson.slug },
      },
    ],
  };
}

/**
 * The origin the LMS shows this launch in, from its signed return URL: Canvas serves courses from
 * the school's own domain (school.instructure.com), not from its issuer or login host, so framing
 * by registered origins alone would refuse it. Null when the launch names none.
 */
export function launchFrameOrigin(claims: Pick<LaunchClaims, typeof LTI_CLAIM.launchPresentation>): string | null {
  const returnUrl = claims[LTI_CLAIM.launchPresentation]?.return_url;
  return returnUrl ? new URL(returnUrl).origin : null;
}
