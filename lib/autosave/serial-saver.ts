/**
 * The one autosave policy of the app, with no React and no browser in it (components/ui/useSerialAutosave.ts
 * puts it on a page). Work is saved per key (an answer, a notebook page, one student's feedback):
 * an edit waits AUTOSAVE_DEBOUNCE_MS for the next one, then goes to the server. Saves of one key
 * are serial, never two in flight, so the newest text always arrives last; an edit made while a
 * save is in flight is sent when that save has answered. A save that failed for a reason worth
 * retrying is tried again after AUTOSAVE_RETRY_MS (the last delay repeating; each spread by up to
 * a quarter either way, so that a class whose saves failed together does not retry together) and at once on
 * `flush`; one the server refused stays unconfirmed until the next edit or `flush`. One status
 * line reports on every key.
 */

export const AUTOSAVE_DEBOUNCE_MS = 700;
export const AUTOSAVE_RETRY_MS = [1000, 2000, 4000, 8000, 15000] as const;

export type SaveOutcome = { ok: true } | { ok: false; retry: boolean; message: string };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "retrying"; message: string }
  | { kind: "refused"; message: string };

/** An edit the server has not confirmed yet, and when it was made. */
export type Edit<V> = { value: V; editedAt: number };

/** setTimeout and clearTimeout, or a test's clock. */
export type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };

export type SerialSaverOptions<V> = {
  save: (key: string, value: V) => Promise<SaveOutcome>;
  onStatus: (status: AutosaveStatus) => void;
  /** The server has this edit (a newer one may be pending). */
  onConfirmed?: (key: string, edit: Edit<V>) => void;
  now?: () => number;
  timers?: Timers;
  /** Where in its spread each retry falls, from 0 to 1 (a test passes 0.5: the delays exactly). */
  random?: () => number;
};

export type SerialSaver<V> = {
  /** Records an edit of `key` and sends it after the debounce delay, or at once. */
  edit: (key: string, value: V, options?: { immediately?: boolean }) => Edit<V>;
  /** Takes up an edit left unconfirmed earlier (kept in the browser) and sends it now. */
  resume: (key: string, edit: Edit<V>) => Promise<boolean>;
  /** Sends what is unconfirmed of `key` (of every key without one) now; true when all of it is confirmed. */
  flush: (key?: string) => Promise<boolean>;
  /** Whether an edit of `key` (of any key without one) is not confirmed yet. */
  isPending: (key?: string) => boolean;
};

/**
 * The delay before the `attempt`th retry (from 0), anywhere from ¾ to 1¼ of AUTOSAVE_RETRY_MS's.
 * When the database comes back after an outage, every open page has a save waiting: spread
 * out, they do not all arrive in the same instant and collide again.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = AUTOSAVE_RETRY_MS[Math.min(Math.max(0, attempt), AUTOSAVE_RETRY_MS.length - 1)]!;
  return Math.round(base * (0.75 + 0.5 * Math.min(1, Math.max(0, random()))));
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Slot<V> = { pending: Edit<V> | null; inFlight: Promise<void> | null; timer: unknown; attempt: number };

export function createSerialSaver<V>({
  save,
  onStatus,
  onConfirmed,
  now = Date.now,
  timers = realTimers,
  random = Math.random,
}: SerialSaverOptions<V>): SerialSaver<V> {
  const slots = new Map<string, Slot<V>>();
  const slot = (key: string) => {
    const known = slots.get(key);
    if (known) return known;
    const s: Slot<V> = { pending: null, inFlight: null, timer: null, attempt: 0 };
    slots.set(key, s);
    return s;
  };
  const schedule = (key: string, ms: number) => {
    const s = slot(key);
    if (s.timer !== null) timers.clear(s.timer);
    s.timer = timers.set(() => {
      s.timer = null;
      void send(key);
    }, ms);
  };

  function send(key: string): Promise<void> {
    const s = slot(key);
    if (s.timer !== null) timers.clear(s.timer);
    s.timer = null;
    // One save at a time: the next starts when this one has answered, with the newest edit then.
    if (s.inFlight) return s.inFlight.then(() => (s.pending ? send(key) : undefined));
    const sent = s.pending;
    if (!sent) return Promise.resolve();
    onStatus({ kind: "saving" });
    const run = (async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await save(key, sent.value);
      } catch {
        outcome = { ok: false, retry: true, message: "Not saved yet, retrying." };
      }
      s.inFlight = null;
      const newer = s.pending !== sent;
      if (outcome.ok) {
        s.attempt = 0;
        onConfirmed?.(key, sent);
        if (newer) return send(key); // edited while saving: send the newer text
        s.pending = null;
        onStatus({ kind: "saved" });
        return;
      }
      if (!outcome.retry) {
        onStatus({ kind: "refused", message: outcome.message });
        if (newer) return send(key); // a later edit may be fine
        return;
      }
      onStatus({ kind: "retrying", message: outcome.message });
      // A newer edit already waiting for its debounce goes then; otherwise this one is tried again later.
      if (s.timer === null) schedule(key, retryDelay(s.attempt++, random));
    })();
    s.inFlight = run;
    return run;
  }

  const pendingKeys = () => [...slots].filter(([, s]) => s.pending).map(([key]) => key);
  const isPending = (key?: string) => (key === undefined ? pendingKeys().length > 0 : !!slots.get(key)?.pending);

  return {
    edit(key, value, { immediately = false } = {}) {
      const s = slot(key);
      const edit = { value, editedAt: now() };
      s.pending = edit;
      s.attempt = 0;
      // "Saved" would be untrue from the first keystroke until the server confirms this edit.
      onStatus({ kind: "saving" });
      schedule(key, immediately ? 0 : AUTOSAVE_DEBOUNCE_MS);
      return edit;
    },
    async resume(key, edit) {
      slot(key).pending = edit;
      await send(key);
      return !isPending(key);
    },
    async flush(key) {
      const keys = key === undefined ? pendingKeys() : [key];
      await Promise.all(keys.map((k) => send(k)));
      return keys.every((k) => !isPending(k));
    },
    isPending,
  };
}
