/**
 * Where a question's selected or cited sentences may come from. Kept apart from content/schema.ts
 * (which holds zod) because the answering components in the browser read it too.
 */
import type { CitationScope, QuestionContent } from "@/content/schema";

export type { CitationScope };

export function citationScopeOf(q: QuestionContent): CitationScope {
  return (q.type === "evidence" || q.type === "open_response") && q.citationScope ? q.citationScope : "passage";
}
