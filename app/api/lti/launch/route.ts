import { completeLaunch, deepLinkChoices, deepLinkClassName, issueTicket } from "@/db/access/lti-launch";
import { platformFrameOrigins } from "@/db/access/lti-registrations";
import { startSession } from "@/lib/auth/session";
import { LaunchRefusal, launchFormSchema } from "@/lib/lti/launch";
import { lessonPickerPage, ltiPage } from "@/lib/lti/page";
import { formFields } from "@/lib/lti/request";
import { launchErrorPage } from "@/lib/lti/responses";

/**
 * The launch (LTI Core 1.3 §5.1.2, the redirect URI): the platform posts the signed id_token and
 * the state here. In a window of its own the person is signed in and sent on to the lesson or
 * class. Inside the LMS's frame the browser would drop the session cookie (third-party cookies),
 * so the page says so and offers a one-time link that opens Marginalia, signed in, in a new window.
 * A deep-linking request (an instructor adding Marginalia to the course) gets the lesson picker,
 * which works without a session: its form carries a one-time request token.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const parsed = launchFormSchema.safeParse(await formFields(request));
    if (!parsed.success)
      throw new LaunchRefusal(
        "malformed-request",
        `${parsed.error.issues[0]!.message} Open Marginalia again from your course.`,
      );
    const launch = await completeLaunch(parsed.data);
    const frameOrigins = [...(await platformFrameOrigins()), ...(launch.frameOrigin ? [launch.frameOrigin] : [])];
    if (launch.deepLinkRequest) {
      return lessonPickerPage({
        className: (await deepLinkClassName(launch.deepLinkRequest)) ?? "your course",
        lessons: await deepLinkChoices(),
        request: launch.deepLinkRequest,
        frameOrigins,
      });
    }
    if (request.headers.get("sec-fetch-dest") === "iframe") {
      const ticket = await issueTicket(launch.userId, launch.destination);
      return ltiPage({
        title: "Marginalia opens in its own window",
        paragraphs: [
          `You are signed in as ${launch.name}. Your browser does not keep you signed in inside your LMS's page, so Marginalia opens in a window of its own.`,
        ],
        link: {
          href: `/api/lti/session?ticket=${encodeURIComponent(ticket)}`,
          text: "Open in a new window",
          newWindow: true,
        },
        status: 200,
        frameOrigins,
      });
    }
    await startSession(
      { userId: launch.userId, role: launch.role, name: launch.name, email: launch.email },
      launch.sessionVersion,
    );
    return new Response(null, { status: 303, headers: { Location: launch.destination, "Cache-Control": "no-store" } });
  } catch (err) {
    return await launchErrorPage("LTI launch", err);
  }
}
