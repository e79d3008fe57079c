import { NextResponse } from "next/server";
import { z } from "zod";
import { exportMyMarks } from "@/db/access/marks";
import { getActor } from "@/lib/auth/session";
import { ensureAuthUrl } from "@/lib/env";
import { marksAsPlainText, marksAsWebAnnotations, type MarksExport } from "@/lib/reading/mark-export";
import { errorResponse } from "@/lib/route-handler";
import { marksExportSchema } from "@/lib/validation/marks";

/** The reader's marks and notes on a lesson, as a file: W3C Web Annotation JSON-LD, or plain text. */
export async function GET(request: Request) {
  const parsed = marksExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error);
    return NextResponse.json(
      { message: formErrors[0] ?? "Name a lesson and a format (jsonld or text).", errors: fieldErrors },
      { status: 400 },
    );
  }
  try {
    const actor = await getActor();
    const { lesson, marks } = await exportMyMarks(actor, parsed.data.lesson);
    // The app's public address (set at start-up), so the annotations' ids do not name an internal host.
    const origin = ensureAuthUrl();
    const lessonUrl = new URL(`/lessons/${encodeURIComponent(lesson.slug)}`, origin).href;
    const input: MarksExport = {
      lessonTitle: lesson.title,
      lessonUrl,
      passageUrl: (key) => `${lessonUrl}/${encodeURIComponent(key)}`,
      creatorName: actor!.name,
      marks: marks.map((m) => ({ ...m, createdAt: new Date(m.createdAt), updatedAt: new Date(m.updatedAt) })),
    };
    const json = parsed.data.format === "jsonld";
    const name = `marks-${lesson.slug.replace(/[^\w.-]+/g, "-")}.${json ? "jsonld" : "txt"}`;
    return new Response(json ? `${JSON.stringify(marksAsWebAnnotations(input), null, 2)}\n` : marksAsPlainText(input), {
      headers: {
        "Content-Type": json
          ? 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
          : "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
