import { test } from "node:test";
import assert from "node:assert/strict";
import { actionStateOf, rscRows } from "./server-action-replay";

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
  assert.deepEqual(actionStateOf(reply('{"status":"error","message":"Your session has ended."}')), {
    status: "error",
    message: "Your session has ended.",
  });
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

test("field errors come with the state, when the action gave some", () => {
  const payload = `0:{"a":"$@1","q":"","i":false}\n1:{"status":"error","message":"Check the highlighted fields.","errors":{"name":["Name the class."]},"values":{}}\n`;
  assert.deepEqual(actionStateOf(payload), {
    status: "error",
    message: "Check the highlighted fields.",
    errors: { name: ["Name the class."] },
  });
});

test("a text row (T, no newline) does not hide the rows after it", () => {
  const text = "é".repeat(3) + "x"; // 7 bytes
  const payload = `0:{"a":"$@1","q":"","i":false}\n2:T${Buffer.byteLength(text).toString(16)},${text}1:{"status":"error","message":"Too long.","values":{"name":"$2"}}\n`;
  assert.equal(rscRows(payload).get("2"), text);
  assert.deepEqual(actionStateOf(payload), { status: "error", message: "Too long." });
});
