import { quotedList } from "./rubric-keys";

/** An answer a return left alone because its rubric is not fully scored, with the criteria still to score. */
export type NotReturned = { answerId: string; missing: string[] };

/**
 * What the instructor reads after returning several answers at once: how many went back, and
 * which were kept because a criterion is not scored yet (by name where the page knows the
 * answer, counted otherwise).
 */
export function describeReturn(
  returned: number,
  notReturned: readonly NotReturned[],
  nameOf: (answerId: string) => string | undefined = () => undefined,
): string {
  const done = `${returned} ${returned === 1 ? "answer" : "answers"} returned to ${returned === 1 ? "its student" : "their students"}.`;
  if (notReturned.length === 0) return done;
  const named = notReturned.flatMap((n) => {
    const name = nameOf(n.answerId);
    return name ? [`${name}: score ${quotedList(n.missing)}`] : [];
  });
  const others = notReturned.length - named.length;
  const parts = [
    ...named,
    ...(others > 0 ? [`${others} ${others === 1 ? "answer" : "answers"} on other questions`] : []),
  ];
  return `${done} Not returned, because the rubric is not fully scored: ${parts.join("; ")}.`;
}

/**
 * Where the workbench goes after a return: the next answer still needing review (after this one,
 * wrapping round), else the next reviewed one not yet returned; null when everything is returned.
 */
export function nextToReview(states: readonly ("needs-review" | "draft" | "returned")[], from: number): number | null {
  const order = states.map((_, i) => (from + 1 + i) % states.length).filter((i) => i !== from);
  return order.find((i) => states[i] === "needs-review") ?? order.find((i) => states[i] === "draft") ?? null;
}

/** Why one answer was not returned: the criteria still to score. */
export function unscoredMessage(missing: readonly string[]): string {
  return `Not returned: score ${quotedList(missing)} first, so the student gets the whole rubric.`;
}
