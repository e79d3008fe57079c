/**
 * Unexpected server errors: logged in full with a reference, and answered with that reference
 * only. The person sees it (and can quote it), the log finds it; no stack or SQL reaches a browser.
 */
import { randomUUID } from "node:crypto";

/** A short reference: enough to find one line in a day's log. */
export function newErrorReference(): string {
  return randomUUID().slice(0, 8);
}

/** Logs the error under `reference` and returns it. */
export function logServerError(where: string, err: unknown, reference = newErrorReference()): string {
  console.error(`[error ${reference}] ${where}:`, err);
  return reference;
}
