import { test } from "node:test";
import assert from "node:assert/strict";
import {
  AUTOSAVE_DEBOUNCE_MS,
  AUTOSAVE_RETRY_MS,
  createSerialSaver,
  retryDelay,
  type AutosaveStatus,
  type SaveOutcome,
} from "./serial-saver";

/** A saver on a clock the test moves, whose saves answer when the test says. */
function harness(random = () => 0.5) {
  let time = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const sent: { key: string; value: string; answer: (o: SaveOutcome) => void }[] = [];
  const statuses: AutosaveStatus[] = [];
  const confirmed: string[] = [];
  const saver = createSerialSaver<string>({
    save: (key, value) => new Promise((resolve) => sent.push({ key, value, answer: resolve })),
    onStatus: (s) => statuses.push(s),
    onConfirmed: (key, edit) => confirmed.push(`${key}=${edit.value}@${edit.editedAt}`),
    now: () => time,
    random,
    timers: {
      set: (run, ms) => {
        const id = nextId++;
        timers.push({ at: time + ms, run, id });
        return id;
      },
      clear: (id) => {
        timers = timers.filter((t) => t.id !== id);
      },
    },
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return {
    saver,
    sent,
    statuses,
    confirmed,
    /** Moves the clock on, running the timers that come due. */
    async advance(ms: number) {
      const until = time + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        time = due.at;
        due.run();
        await settle();
      }
      time = until;
      await settle();
    },
    async answer(i: number, outcome: SaveOutcome) {
      sent[i]!.answer(outcome);
      await settle();
    },
    last: () => statuses.at(-1),
    settle,
  };
}

test("an edit says Saving at once, goes to the server after the debounce, and says Saved when confirmed", async () => {
  const h = harness();
  h.saver.edit("a", "hello");
  assert.deepEqual(h.last(), { kind: "saving" });
  await h.advance(AUTOSAVE_DEBOUNCE_MS - 1);
  assert.equal(h.sent.length, 0);
  await h.advance(1);
  assert.deepEqual(
    h.sent.map((s) => s.value),
    ["hello"],
  );
  assert.equal(h.saver.isPending("a"), true);
  await h.answer(0, { ok: true });
  assert.deepEqual(h.last(), { kind: "saved" });
  assert.equal(h.saver.isPending(), false);
  assert.deepEqual(h.confirmed, ["a=hello@0"]);
});

test("typing on restarts the debounce: one save, of the last text", async () => {
  const h = harness();
  h.saver.edit("a", "h");
  await h.advance(500);
  h.saver.edit("a", "he");
  await h.advance(500);
  h.saver.edit("a", "hey");
  await h.advance(AUTOSAVE_DEBOUNCE_MS);
  assert.deepEqual(
    h.sent.map((s) => s.value),
    ["hey"],
  );
});

test("never two saves of one key in flight, and the newest text is sent last", async () => {
  const h = harness();
  h.saver.edit("a", "first");
  await h.advance(AUTOSAVE_DEBOUNCE_MS);
  h.saver.edit("a", "second");
  await h.advance(AUTOSAVE_DEBOUNCE_MS);
  h.saver.edit("a", "third");
  await h.advance(AUTOSAVE_DEBOUNCE_MS);
  assert.equal(h.sent.length, 1, "the later edits wait for the save in flight");
  await h.answer(0, { ok: true });
  assert.notDeepEqual(h.last(), { kind: "saved" }, "Saved only once the newest text is confirmed");
  assert.deepEqual(
    h.sent.map((s) => s.value),
    ["first", "third"],
  );
  await h.answer(1, { ok: true });
  assert.deepEqual(h.last(), { kind: "saved" });
  assert.equal(h.saver.isPending(), false);
});

test("keys are saved independently: one key's save in flight does not hold another's", async () => {
  const h = harness();
  h.saver.edit("a", "for a", { immediately: true });
  h.saver.edit("b", "for b", { immediately: true });
  await h.advance(0);
  assert.deepEqual(
    h.sent.map((s) => `${s.key}:${s.value}`),
    ["a:for a", "b:for b"],
  );
});

test("a failure worth retrying is retried after the backoff delays, then saved", async () => {
  const h = harness();
  h.saver.edit("a", "text", { immediately: true });
  await h.advance(0);
  await h.answer(0, { ok: false, retry: true, message: "Not saved, retrying." });
  assert.deepEqual(h.last(), { kind: "retrying", message: "Not saved, retrying." });
  await h.advance(AUTOSAVE_RETRY_MS[0] - 1);
  assert.equal(h.sent.length, 1);
  await h.advance(1);
  assert.equal(h.sent.length, 2);
  await h.answer(1, { ok: false, retry: true, message: "Still not." });
  await h.advance(AUTOSAVE_RETRY_MS[1] - 1);
  assert.equal(h.sent.length, 2);
  await h.advance(1);
  assert.equal(h.sent.length, 3);
  await h.answer(2, { ok: true });
  assert.deepEqual(h.last(), { kind: "saved" });
});

test("the retry delay grows and then stays at its longest", () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 50].map((n) => retryDelay(n, () => 0.5)),
    [1000, 2000, 4000, 8000, 15000, 15000, 15000],
  );
});

test("retry delays are spread a quarter either way, so pages that failed together retry apart", () => {
  const drawn = (attempt: number, draw: number) => retryDelay(attempt, () => draw);
  assert.deepEqual([drawn(0, 0), drawn(0, 1), drawn(4, 0), drawn(4, 1)], [750, 1250, 11250, 18750]);
  for (let i = 0; i < 200; i++) {
    const d = retryDelay(1);
    assert.ok(d >= 1500 && d <= 2500, `${d} ms is outside 1,500 to 2,500`);
  }
  assert.ok(new Set(Array.from({ length: 20 }, () => retryDelay(2))).size > 1, "every delay was the same");
});

test("a saver retries at the point of the spread it draws", async () => {
  const h = harness(() => 0);
  h.saver.edit("a", "text", { immediately: true });
  await h.advance(0);
  await h.answer(0, { ok: false, retry: true, message: "Not saved, retrying." });
  await h.advance(749);
  assert.equal(h.sent.length, 1);
  await h.advance(1);
  assert.equal(h.sent.length, 2);
});

test("a refusal is said and not retried on its own; the edit stays unconfirmed until the next edit or a flush", async () => {
  const h = harness();
  h.saver.edit("a", "too long", { immediately: true });
  await h.advance(0);
  await h.answer(0, { ok: false, retry: false, message: "Too long." });
  assert.deepEqual(h.last(), { kind: "refused", message: "Too long." });
  await h.advance(60_000);
  assert.equal(h.sent.length, 1);
  assert.equal(h.saver.isPending("a"), true);
  assert.deepEqual(h.confirmed, []);
  h.saver.edit("a", "short");
  await h.advance(AUTOSAVE_DEBOUNCE_MS);
  assert.equal(h.sent[1]!.value, "short");
});

test("flush sends at once, skipping the debounce and a retry's wait, and says whether all is confirmed", async () => {
  const h = harness();
  h.saver.edit("a", "one");
  h.saver.edit("b", "two");
  const flushed = h.saver.flush();
  await h.settle();
  assert.deepEqual(
    h.sent.map((s) => s.value),
    ["one", "two"],
  );
  await h.answer(0, { ok: true });
  await h.answer(1, { ok: false, retry: true, message: "Offline." });
  assert.equal(await flushed, false);
  const again = h.saver.flush("b");
  await h.settle();
  assert.equal(h.sent.length, 3, "sent now, not after the retry delay");
  await h.answer(2, { ok: true });
  assert.equal(await again, true);
});

test("flush while a save is in flight waits for it, then sends the newer edit", async () => {
  const h = harness();
  h.saver.edit("a", "old", { immediately: true });
  await h.advance(0);
  h.saver.edit("a", "new");
  const flushed = h.saver.flush("a");
  await h.settle();
  assert.equal(h.sent.length, 1);
  await h.answer(0, { ok: true });
  assert.deepEqual(
    h.sent.map((s) => s.value),
    ["old", "new"],
  );
  await h.answer(1, { ok: true });
  assert.equal(await flushed, true);
  assert.deepEqual(
    h.confirmed.map((c) => c.split("@")[0]),
    ["a=old", "a=new"],
  );
});

test("an edit left unconfirmed earlier is resumed: sent at once", async () => {
  const h = harness();
  const done = h.saver.resume("a", { value: "from this browser", editedAt: 42 });
  await h.settle();
  assert.equal(h.sent[0]!.value, "from this browser");
  await h.answer(0, { ok: true });
  assert.equal(await done, true);
  assert.deepEqual(h.confirmed, ["a=from this browser@42"]);
});

test("a save that throws counts as no connection: retried", async () => {
  const statuses: AutosaveStatus[] = [];
  let calls = 0;
  const saver = createSerialSaver<string>({
    save: async () => {
      calls++;
      throw new TypeError("Failed to fetch");
    },
    onStatus: (s) => statuses.push(s),
    timers: { set: () => 0, clear: () => {} },
  });
  saver.edit("a", "x");
  assert.equal(await saver.flush("a"), false);
  assert.equal(calls, 1);
  assert.equal(statuses.at(-1)?.kind, "retrying");
});
