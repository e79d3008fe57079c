/** A due date, written out in full and unambiguous ("Due Tuesday 1 December 2026"). */
export function DueDate({ dueAt }: { dueAt: Date | null }) {
  if (!dueAt) return <span className="muted">No due date</span>;
  const text = dueAt.toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return <time dateTime={dueAt.toISOString()}>Due {text}</time>;
}
