import { test } from "node:test";
import assert from "node:assert/strict";
import { relativeTime } from "./relative-time";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

test("recent times read as words, older ones as a date", () => {
  assert.equal(relativeTime(ago(10_000), now), "just now");
  assert.equal(relativeTime(ago(60_000), now), "1 minute ago");
  assert.equal(relativeTime(ago(5 * 60_000), now), "5 minutes ago");
  assert.equal(relativeTime(ago(3 * 3600_000), now), "3 hours ago");
  assert.equal(relativeTime(ago(2 * 86400_000), now), "2 days ago");
  assert.equal(relativeTime(ago(20 * 86400_000), now), "5 Nov");
  assert.equal(relativeTime("2025-03-01T12:00:00Z", now), "1 Mar 2025");
});

test("a clock slightly ahead of the server still reads as just now", () => {
  assert.equal(relativeTime(ago(-5_000), now), "just now");
});
