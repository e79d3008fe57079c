/**
 * What an administrator types to register an LMS (`npm run lti:register`): the URLs the platform
 * gives, checked before anything is stored. Platform URLs are HTTPS; plain HTTP is accepted only on
 * this machine (localhost, 127.0.0.1), where a test platform runs.
 */
import { z } from "zod";
import { isStorableLine } from "@/lib/validation/text";

function isLocal(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

const asUrl = (s: string): URL | null => (URL.canParse(s) ? new URL(s) : null);

const platformUrl = (what: string) =>
  z
    .string({ error: `Give the platform's ${what}.` })
    .trim()
    .max(2000)
    .refine((s) => asUrl(s) !== null, { error: `The ${what} is not a URL.`, abort: true })
    .refine(
      (s) => {
        const url = asUrl(s);
        return !!url && (url.protocol === "https:" || (url.protocol === "http:" && isLocal(url)));
      },
      { error: `The ${what} must start with https:// (http:// only for localhost).`, abort: true },
    )
    .refine(
      (s) => {
        const url = asUrl(s);
        return !!url && !url.username && !url.password && !url.hash;
      },
      { error: `The ${what} must not hold a user name, password or #fragment.` },
    );

const identifier = (what: string) =>
  z
    .string({ error: `Give the ${what}.` })
    .trim()
    .min(1, { error: `Give the ${what}.` })
    .max(255, { error: `The ${what} is longer than 255 characters.` })
    .refine(isStorableLine, { error: `The ${what} holds characters that cannot be stored.` });

export const platformRegistrationSchema = z.strictObject({
  issuer: platformUrl("issuer"),
  clientId: identifier("client id"),
  deploymentId: identifier("deployment id"),
  authUrl: platformUrl("login (authorization) URL"),
  tokenUrl: platformUrl("token URL"),
  jwksUrl: platformUrl("key set (JWKS) URL"),
});
export type PlatformRegistration = z.infer<typeof platformRegistrationSchema>;

export const platformRemovalSchema = z.strictObject({
  issuer: platformUrl("issuer"),
  clientId: identifier("client id"),
  /** Without it, the platform and every deployment go. */
  deploymentId: identifier("deployment id").optional(),
});
export type PlatformRemoval = z.infer<typeof platformRemovalSchema>;
