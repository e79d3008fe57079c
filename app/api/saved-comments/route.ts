import {
  createSavedComment,
  deleteSavedComment,
  listSavedComments,
  updateSavedComment,
} from "@/db/access/saved-comments";
import { jsonRoute } from "@/lib/route-handler";
import {
  savedCommentCreateSchema,
  savedCommentDeleteSchema,
  savedCommentListSchema,
  savedCommentUpdateSchema,
} from "@/lib/validation/feedback";

/** An instructor's saved comments for one question (and their general ones). */
export const GET = jsonRoute(
  savedCommentListSchema,
  async (actor, { lesson, question }) => await listSavedComments(actor, lesson, question),
);
export const POST = jsonRoute(savedCommentCreateSchema, async (actor, input) => await createSavedComment(actor, input));
export const PATCH = jsonRoute(savedCommentUpdateSchema, async (actor, input) => {
  await updateSavedComment(actor, input);
  return { ok: true };
});
export const DELETE = jsonRoute(savedCommentDeleteSchema, async (actor, { id }) => {
  await deleteSavedComment(actor, id);
  return { ok: true };
});
