import { redeemTicket } from "@/db/access/lti-launch";
import { startSession } from "@/lib/auth/session";
import { LaunchRefusal } from "@/lib/lti/launch";
import { launchErrorPage } from "@/lib/lti/responses";

/** The one-time link from a framed launch: signs its person in, in this new window, and opens the page. */
export async function GET(request: Request): Promise<Response> {
  try {
    const ticket = new URL(request.url).searchParams.get("ticket");
    if (!ticket || ticket.length > 100)
      throw new LaunchRefusal(
        "unknown-ticket",
        "This link to Marginalia is incomplete. Open Marginalia again from your course.",
      );
    const user = await redeemTicket(ticket);
    const role = user.role;
    await startSession({ userId: user.userId, role, name: user.name, email: user.email }, user.sessionVersion);
    return new Response(null, { status: 303, headers: { Location: user.destination, "Cache-Control": "no-store" } });
  } catch (err) {
    return await launchErrorPage("LTI new-window sign-in", err);
  }
}
