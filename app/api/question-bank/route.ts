import { NextResponse } from "next/server";
import { z } from "zod";
import { getQuestionBank } from "@/db/access/question-bank";
import { getActor } from "@/lib/auth/session";
import { toGift } from "@/lib/question-bank/gift";
import { toMoodleXml } from "@/lib/question-bank/moodle-xml";
import { toQtiPackage } from "@/lib/question-bank/qti";
import { errorResponse } from "@/lib/route-handler";
import { questionBankSchema } from "@/lib/validation/question-bank";

/** A lesson's questions with their keys, as a file Moodle (XML, GIFT) or Canvas (QTI 1.2) imports: instructors only. */
export async function GET(request: Request) {
  const parsed = questionBankSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error);
    return NextResponse.json(
      { message: formErrors[0] ?? "Name a lesson and a format (moodle-xml, gift or qti).", errors: fieldErrors },
      { status: 400 },
    );
  }
  try {
    const bank = await getQuestionBank(await getActor(), parsed.data.lesson);
    const base = bank.lessonSlug.replace(/[^\w.-]+/g, "-");
    const file = {
      "moodle-xml": { body: toMoodleXml(bank), type: "application/xml; charset=utf-8", name: `${base}-questions.xml` },
      gift: { body: toGift(bank), type: "text/plain; charset=utf-8", name: `${base}-questions.gift.txt` },
      qti: { body: Buffer.from(toQtiPackage(bank)), type: "application/zip", name: `${base}-questions-qti.zip` },
    }[parsed.data.format];
    return new Response(file.body, {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
