import "server-only";
import { toCsv, type Cell } from "./csv";

/** A CSV download: a file name made safe for the header, never cached. */
export function csvResponse(rows: readonly (readonly Cell[])[], fileName: string): Response {
  const safe = fileName.replace(/[^\w.-]+/g, "-");
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safe}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
