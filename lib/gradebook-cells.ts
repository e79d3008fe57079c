/** The gradebook's cells as the page sends them to the browser. */
import type { CellState } from "./gradebook";

/**
 * A row's cells as one string, each cell a state letter and its points, separated by spaces
 * ("g2 a n r1.5"): a 40-student class has 1,680 cells, and one string per row is far cheaper for
 * the server to send than 1,680 little arrays (npm run bench: gradebook p99).
 */
export type EncodedCells = string;
const LETTER: Record<CellState, string> = {
  graded: "g",
  unanswered: "u",
  "awaiting-review": "a",
  "reviewed-not-returned": "r",
  "not-submitted": "n",
};
const STATE_OF = Object.fromEntries(Object.entries(LETTER).map(([state, letter]) => [letter, state])) as Record<
  string,
  CellState
>;

/** One string per row, each cell a state letter and its points ("g2 a n r1.5"). */
export function encodeCells(cells: readonly { state: CellState; points: number | null }[]): EncodedCells {
  return cells.map((c) => `${LETTER[c.state]}${c.points ?? ""}`).join(" ");
}

/** The cells of encodeCells' string, as [state, points]. */
export function decodeCells(encoded: EncodedCells): [CellState, number | null][] {
  if (!encoded) return [];
  return encoded.split(" ").map((cell) => [STATE_OF[cell[0]!]!, cell.length > 1 ? Number(cell.slice(1)) : null]);
}
