/**
 * A stand-in LMS for tests: its own RS256 key pair and the id_tokens a real platform would sign
 * for a launch. The unit tests use it directly; e2e/lti-platform.ts serves it over HTTP.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { LTI_CLAIM } from "@/lib/lti/launch";

export type StandInPerson = {
  sub: string;
  name: string;
  email?: string;
  role: "Instructor" | "Learner" | "Mentor" | "Administrator";
};

export type StandInPlatform = {
  issuer: string;
  clientId: string;
  deploymentId: string;
  publicJwk: JWK;
  /** The id_token of a resource-link launch for `person` in `course`, with `overrides` applied last (undefined removes a claim). */
  idToken: (input: {
    person: StandInPerson;
    nonce: string;
    course?: { id: string; title: string };
    lessonSlug?: string;
    overrides?: Record<string, unknown>;
    expiresInS?: number;
    now?: Date;
  }) => Promise<string>;
};

export const ROLE_URI = {
  Instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  Learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  Mentor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
  Administrator: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
} as const;

export async function standInPlatform({
  issuer,
  clientId = "marginalia-tool",
  deploymentId = "deployment-1",
  targetLinkUri = "http://127.0.0.1/api/lti/launch",
}: {
  issuer: string;
  clientId?: string;
  deploymentId?: string;
  targetLinkUri?: string;
}): Promise<StandInPlatform> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `stand-in-${Math.random().toString(36).slice(2, 10)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return {
    issuer,
    clientId,
    deploymentId,
    publicJwk,
    async idToken({
      person,
      nonce,
      course = { id: "course-1", title: "World History 10" },
      lessonSlug,
      overrides = {},
      expiresInS = 300,
      now = new Date(),
    }) {
      const iat = Math.floor(now.getTime() / 1000);
      const claims: JWTPayload = {
        iss: issuer,
        aud: clientId,
        sub: person.sub,
        iat,
        exp: iat + expiresInS,
        nonce,
        name: person.name,
        email: person.email,
        [LTI_CLAIM.messageType]: "LtiResourceLinkRequest",
        [LTI_CLAIM.version]: "1.3.0",
        [LTI_CLAIM.deploymentId]: deploymentId,
        [LTI_CLAIM.targetLinkUri]: targetLinkUri,
        [LTI_CLAIM.roles]: [ROLE_URI[person.role]],
        [LTI_CLAIM.context]: { id: course.id, title: course.title, label: course.title.slice(0, 10) },
        [LTI_CLAIM.resourceLink]: { id: `link-${lessonSlug ?? "class"}`, title: "Reading" },
        ...(lessonSlug ? { [LTI_CLAIM.custom]: { lesson: lessonSlug } } : {}),
      };
      for (const [name, value] of Object.entries(overrides)) {
        if (value === undefined) delete claims[name];
        else claims[name] = value;
      }
      return await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(privateKey);
    },
  };
}
