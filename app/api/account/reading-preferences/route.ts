import { saveReadingPreferences } from "@/db/access/users";
import { jsonRoute } from "@/lib/route-handler";
import { readingPreferencesSchema } from "@/lib/validation/reading-preferences";

/** Saves the signed-in reader's text size, line spacing and font to their account. */
export const PUT = jsonRoute(readingPreferencesSchema, async (actor, input) => ({
  preferences: await saveReadingPreferences(actor, input),
}));
