import { getGradebook } from "@/db/access/gradebook";
import { getActor } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv-response";
import { gradesCsvRows } from "@/lib/gradebook-csv";
import { errorResponse } from "@/lib/route-handler";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const lesson = new URL(request.url).searchParams.get("lesson") ?? undefined;
  try {
    const book = await getGradebook(await getActor(), id, lesson);
    return csvResponse(gradesCsvRows(book.questions, book.rows), `grades-${book.lesson?.slug ?? "none"}.csv`);
  } catch (err) {
    return errorResponse(err);
  }
}
