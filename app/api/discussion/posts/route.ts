import { deletePost, editPost } from "@/db/access/discussions";
import { jsonRoute } from "@/lib/route-handler";
import { deletePostSchema, editPostSchema } from "@/lib/validation/discussion";

/** The author edits or deletes their own post. */
export const PATCH = jsonRoute(editPostSchema, (actor, input) => editPost(actor, input));
export const DELETE = jsonRoute(deletePostSchema, (actor, { postId }) => deletePost(actor, postId));
