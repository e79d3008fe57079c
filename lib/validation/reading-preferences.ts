import { z } from "zod";
import { LINE_SPACINGS, READING_FONTS, TEXT_SIZES } from "@/lib/reading/preferences";

/** What may be saved to an account as its reading preferences: the offered choices, nothing more. */
export const readingPreferencesSchema = z
  .object({
    size: z.enum(TEXT_SIZES, { error: "Choose a text size from the list." }),
    spacing: z.enum(LINE_SPACINGS, { error: "Choose a line spacing from the list." }),
    font: z.enum(READING_FONTS, { error: "Choose a font from the list." }),
  })
  .strict();
