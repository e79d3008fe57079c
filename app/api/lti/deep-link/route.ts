import { completeDeepLink } from "@/db/access/lti-launch";
import { platformFrameOrigins } from "@/db/access/lti-registrations";
import { ensureAuthUrl } from "@/lib/env";
import { deepLinkChoiceSchema, LaunchRefusal } from "@/lib/lti/launch";
import { handBackPage } from "@/lib/lti/page";
import { formFields } from "@/lib/lti/request";
import { launchErrorPage } from "@/lib/lti/responses";

/**
 * Deep linking's second step: the lesson picker posts the instructor's choice here; the signed
 * LtiDeepLinkingResponse goes back to the LMS, which makes the graded assignment.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const parsed = deepLinkChoiceSchema.safeParse(await formFields(request));
    if (!parsed.success)
      throw new LaunchRefusal(
        "malformed-request",
        `${parsed.error.issues[0]!.message} Add Marginalia again from your course.`,
      );
    const { request: token, lesson, show_answers: showAnswers } = parsed.data;
    const done = await completeDeepLink({ request: token, lesson, showAnswers }, new URL(ensureAuthUrl()).origin);
    return handBackPage({
      title: "Adding the lesson to your course",
      paragraphs: [`“${done.lessonTitle}” is on its way to your LMS.`],
      action: done.returnUrl,
      fields: { JWT: done.jwt },
      frameOrigins: [...(await platformFrameOrigins()), ...(done.frameOrigin ? [done.frameOrigin] : [])],
    });
  } catch (err) {
    return await launchErrorPage("LTI deep linking", err);
  }
}
