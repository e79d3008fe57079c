/**
 * How the LMS routes answer a refused or failed launch: a clear page inside the LMS, and a log
 * line with a reference the person can quote to an administrator.
 */
import "server-only";
import { platformFrameOrigins } from "@/db/access/lti-registrations";
import { LaunchRefusal } from "./launch";
import { ltiPage } from "./page";
import { logServerError, newErrorReference } from "@/lib/server-error";

export async function launchErrorPage(where: string, err: unknown): Promise<Response> {
  const frameOrigins = await platformFrameOrigins().catch(() => []);
  if (err instanceof LaunchRefusal) {
    const reference = newErrorReference();
    console.warn(`[lti ${reference}] ${where} refused (${err.code}): ${err.message}`);
    return ltiPage({
      title: "Marginalia could not open from your LMS",
      paragraphs: [err.message, `Reference: ${reference}`],
      status: 400,
      frameOrigins,
    });
  }
  const reference = logServerError(where, err);
  return ltiPage({
    title: "Marginalia could not open from your LMS",
    paragraphs: [
      "Something went wrong on our side and nothing was saved. Open Marginalia again from your course in a moment.",
      `Reference: ${reference}`,
    ],
    status: 500,
    frameOrigins,
  });
}
