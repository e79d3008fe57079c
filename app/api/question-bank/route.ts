import { NextResponse } from "next/server";
import { z } from "zod";
import { getQuestionBank } from "@/db/access/question-bank";
import { getActor } from "@/lib/auth/session";
import { toGift } from "@/lib/question-bank/gift";
import { toMoodleXml } from "@/lib/question-bank/moodle-xml";
import { errorResponse } from "@/lib/route-handler";
import { questionBankSchema } from "@/lib/validation/question-bank";

/** A lesson's questions with their keys, as a file Moodle (or anything reading GIFT) imports: instructors only. */
export async function GET(request: Request) {
  const parsed = questionBankSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error);
    return NextResponse.json(
      { message: formErrors[0] ?? "Name a lesson and a format (moodle-xml or gift).", errors: fieldErrors },
      { status: 400 },
    );
  }
  try {
    const bank = await getQuestionBank(await getActor(), parsed.data.lesson);
    const xml = parsed.data.format === "moodle-xml";
    const name = `${bank.lessonSlug.replace(/[^\w.-]+/g, "-")}-questions.${xml ? "xml" : "gift.txt"}`;
    return new Response(xml ? toMoodleXml(bank) : toGift(bank), {
      headers: {
        "Content-Type": xml ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
