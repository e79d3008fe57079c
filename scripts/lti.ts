/**
 * Registering the LMS platforms that launch Marginalia over LTI 1.3, on DATABASE_PATH (or
 * DATABASE_URL):
 *
 *   npm run lti:register -- --issuer URL --client-id ID --deployment-id ID --auth-url URL --token-url URL --jwks-url URL
 *   npm run lti:list
 *   npm run lti:remove -- --issuer URL --client-id ID [--deployment-id ID]
 *   npm run lti:rotate-key
 *
 * Registering the same issuer and client id again adds the deployment and updates the URLs.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { getDb, writerOf } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { listPlatforms, registerPlatform, removePlatform, rotateToolKey } from "@/db/access/lti-registrations";
import { NotFoundError } from "@/lib/errors";
import { platformRegistrationSchema, platformRemovalSchema } from "@/lib/lti/registration";

const usage = `Usage:
  npm run lti:register -- --issuer URL --client-id ID --deployment-id ID --auth-url URL --token-url URL --jwks-url URL
  npm run lti:list
  npm run lti:remove -- --issuer URL --client-id ID [--deployment-id ID]
  npm run lti:rotate-key`;

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    issuer: { type: "string" },
    "client-id": { type: "string" },
    "deployment-id": { type: "string" },
    "auth-url": { type: "string" },
    "token-url": { type: "string" },
    "jwks-url": { type: "string" },
  },
  strict: true,
});
const given = {
  issuer: values.issuer,
  clientId: values["client-id"],
  deploymentId: values["deployment-id"],
  authUrl: values["auth-url"],
  tokenUrl: values["token-url"],
  jwksUrl: values["jwks-url"],
};
const flag: Record<string, string> = {
  issuer: "--issuer",
  clientId: "--client-id",
  deploymentId: "--deployment-id",
  authUrl: "--auth-url",
  tokenUrl: "--token-url",
  jwksUrl: "--jwks-url",
};

/** Each refused option with its message, then the usage; exit code 2 (bad input, nothing written). */
function refuse(error: z.ZodError): never {
  for (const [field, messages] of Object.entries(z.flattenError(error).fieldErrors))
    console.error(`${flag[field] ?? field}: ${(messages as string[] | undefined)?.join(" ")}`);
  console.error(usage);
  process.exit(2);
}

await runMigrations(writerOf(getDb()));
try {
  if (command === "register") {
    const input = platformRegistrationSchema.safeParse(given);
    if (!input.success) refuse(input.error);
    const { platform, added } = await registerPlatform(input.data);
    console.log(
      added === "platform"
        ? `Registered ${platform.issuer} (client ${platform.clientId}) with deployment ${input.data.deploymentId}.`
        : added === "deployment"
          ? `Added deployment ${input.data.deploymentId} to ${platform.issuer} (client ${platform.clientId}).`
          : `${platform.issuer} (client ${platform.clientId}) already had deployment ${input.data.deploymentId}; its URLs are updated.`,
    );
  } else if (command === "list") {
    const platforms = await listPlatforms();
    if (platforms.length === 0) console.log("No platforms are registered. Register one with npm run lti:register.");
    for (const p of platforms)
      console.log(
        `${p.issuer}  client ${p.clientId}  deployments ${p.deploymentIds.join(", ")}\n  login ${p.authUrl}\n  token ${p.tokenUrl}\n  keys  ${p.jwksUrl}`,
      );
  } else if (command === "remove") {
    const input = platformRemovalSchema.safeParse({
      issuer: given.issuer,
      clientId: given.clientId,
      deploymentId: given.deploymentId,
    });
    if (!input.success) refuse(input.error);
    const { removed } = await removePlatform(input.data);
    console.log(
      removed === "platform"
        ? `Removed ${input.data.issuer} (client ${input.data.clientId}) and its deployments.`
        : `Removed deployment ${input.data.deploymentId} of ${input.data.issuer} (client ${input.data.clientId}).`,
    );
  } else if (command === "rotate-key") {
    const { kid, retired } = await rotateToolKey();
    console.log(`The tool now signs with key ${kid}; ${retired} older key(s) stay published for a week.`);
  } else {
    console.error(usage);
    process.exit(2);
  }
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.error(err.message);
  process.exit(1);
}
