import { getWorkspace } from "@/db/access/answers";
import { jsonRoute } from "@/lib/route-handler";
import { workspaceRequestSchema } from "@/lib/validation/answers";

/** Everything per-user a prerendered lesson page loads: context, drafts, results. */
export const GET = jsonRoute(workspaceRequestSchema, (actor, { lesson }) => getWorkspace(actor, lesson));
