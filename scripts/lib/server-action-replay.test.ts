import { test } from "node:test";
import assert from "node:assert/strict";
import { actionStateOf } from "./server-action-replay";

// Shaped like a real response of the submit action (rows trimmed).
const reply = (state: string) =>
  [
    '2:"$Sreact.fragment"',
    '0:{"a":"$@1","q":"","i":false,"t":{"t":{"s":"","h":16}}}',
    `1:${state}`,
    '11:["$","div",null,{"className":"page-narrow","children":"{\\"status\\":\\"error\\"}"}]',
    "",
  ].join("\n");

test("reads the state the action returned from the row that row 0 points at", () => {
  assert.deepEqual(actionStateOf(reply('{"status":"success","message":"Submitted. 0 of 49 auto-graded points."}')), {
    status: "success",
    message: "Submitted. 0 of 49 auto-graded points.",
  });
  assert.deepEqual(actionStateOf(reply('{"status":"error","message":"Your session has ended."}')), { status: "error", message: "Your session has ended." });
});

test("the reference is followed even when the result row is not row 1", () => {
  const payload = ['0:{"a":"$@1f"}', '1:{"status":"error"}', '1f:{"status":"success"}'].join("\n");
  assert.deepEqual(actionStateOf(payload), { status: "success", message: undefined });
});

test("no state when the payload has no action result: an HTML error page, a page render, a broken row", () => {
  assert.equal(actionStateOf("<!DOCTYPE html><html><body>Internal Server Error</body></html>"), null);
  assert.equal(actionStateOf('0:{"b":"build","f":[]}\n1:{"status":"success"}'), null);
  assert.equal(actionStateOf('0:{"a":"$@1"}\n1:{"status":'), null);
  assert.equal(actionStateOf('0:{"a":"$@1"}\n1:{"message":"no status"}'), null);
  assert.equal(actionStateOf(""), null);
});
