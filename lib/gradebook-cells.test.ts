import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeCells, encodeCells } from "./gradebook-cells";

test("a row's cells survive the compact string: every state, points with decimals, and no points", () => {
  const cells = [
    { state: "graded", points: 2 },
    { state: "graded", points: 0 },
    { state: "unanswered", points: 0 },
    { state: "awaiting-review", points: null },
    { state: "reviewed-not-returned", points: 1.5 },
    { state: "not-submitted", points: null },
  ] as const;
  const encoded = encodeCells(cells);
  assert.equal(encoded, "g2 g0 u0 a r1.5 n");
  assert.deepEqual(
    decodeCells(encoded),
    cells.map((c) => [c.state, c.points]),
  );
  assert.deepEqual(decodeCells(encodeCells([])), []);
});
