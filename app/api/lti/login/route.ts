import { beginLogin } from "@/db/access/lti-launch";
import { ensureAuthUrl } from "@/lib/env";
import { LaunchRefusal, loginInitiationSchema } from "@/lib/lti/launch";
import { formFields } from "@/lib/lti/request";
import { launchErrorPage } from "@/lib/lti/responses";

/**
 * OpenID Connect login initiation (LTI Core 1.3 §5.1.1): a registered platform sends the person
 * here (GET or form POST) and is sent back to its authorization URL with a state and nonce.
 */
async function initiate(request: Request): Promise<Response> {
  try {
    const parsed = loginInitiationSchema.safeParse(await formFields(request));
    if (!parsed.success)
      throw new LaunchRefusal(
        "malformed-request",
        `${parsed.error.issues[0]?.message ?? "The login request is incomplete."} Open Marginalia again from your course.`,
      );
    const authorize = await beginLogin(parsed.data, new URL(ensureAuthUrl()).origin);
    return new Response(null, { status: 302, headers: { Location: authorize.href, "Cache-Control": "no-store" } });
  } catch (err) {
    return await launchErrorPage("LTI login initiation", err);
  }
}

export const GET = initiate;
export const POST = initiate;
