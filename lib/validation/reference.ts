/**
 * How a request names a thing: an id, a slug, a question or rubric key. People never type these,
 * so one holding a control character or an unreadable byte names nothing here, and is refused
 * before any query (PostgreSQL refuses a NUL in a query parameter outright; SQLite would only
 * find nothing).
 */
import { z } from "zod";
import { isStorableLine } from "./text";

export const NAMES_NOTHING = "That does not name anything here.";

export const reference = z.string().trim().min(1).max(100).refine(isStorableLine, { error: NAMES_NOTHING });
