import { exportAnswers, getGradebook } from "@/db/access/gradebook";
import { getActor } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv-response";
import { answersCsvRows } from "@/lib/gradebook-csv";
import { errorResponse } from "@/lib/route-handler";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  try {
    const lesson = new URL(request.url).searchParams.get("lesson") ?? (await getGradebook(actor, id)).lesson?.slug;
    if (!lesson) return csvResponse(answersCsvRows([]), "answers.csv");
    return csvResponse(answersCsvRows(await exportAnswers(actor, id, lesson)), `answers-${lesson}.csv`);
  } catch (err) {
    return errorResponse(err);
  }
}
