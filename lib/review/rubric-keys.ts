/**
 * Which key picks which rubric level. The key is the number the instructor reads: a level's
 * points, when every level's points are a different whole number from 0 to 9 (the usual 0–3
 * rubric: key 2 gives 2 points). A rubric whose points cannot be typed as one digit each falls
 * back to the level's place (1 for the first), and the key is shown on every level either way.
 */
export function levelKeys(levels: readonly { points: number }[]): string[] {
  const points = levels.map((l) => l.points);
  const typeable =
    points.every((p) => Number.isInteger(p) && p >= 0 && p <= 9) && new Set(points).size === points.length;
  return typeable ? points.map(String) : levels.map((_, i) => String(i + 1));
}

/** The level a key picks, or -1 when the key picks none. */
export function levelForKey(levels: readonly { points: number }[], key: string): number {
  return levelKeys(levels).indexOf(key);
}

/** The keys of a criterion as a person reads them: "0 to 3", or "0, 2, 4". */
export function describeLevelKeys(levels: readonly { points: number }[]): string {
  const keys = levelKeys(levels);
  const consecutive = keys.every((k, i) => i === 0 || Number(k) === Number(keys[i - 1]) + 1);
  return consecutive && keys.length > 2 ? `${keys[0]} to ${keys[keys.length - 1]}` : keys.join(", ");
}

/** The rubric's criteria that have no level chosen yet, in the rubric's order. */
export function missingCriteria<C extends { id: string; name: string }>(
  rubric: readonly C[],
  chosen: Readonly<Record<string, number>>,
): C[] {
  return rubric.filter((c) => chosen[c.id] === undefined);
}

/** Names in a sentence: “A”, “A” and “B”, “A”, “B” and “C”. */
export function quotedList(names: readonly string[]): string {
  const q = names.map((n) => `“${n}”`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}
