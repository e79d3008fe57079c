import { afterEach, mock, test } from "node:test";
import assert from "node:assert/strict";
import { readJsonAnswer, sendJson, worthRetrying } from "./send-json";

afterEach(() => mock.restoreAll());

test("a 2xx JSON body is the data", () => {
  assert.deepEqual(readJsonAnswer(200, '{"revision":3}'), {
    ok: true,
    status: 200,
    data: { revision: 3 },
  });
});

test("a refusal carries the server's message and field errors", () => {
  const answer = readJsonAnswer(422, JSON.stringify({ message: "Too long.", errors: { body: ["Too long."] } }));
  assert.equal(answer.ok, false);
  if (answer.ok) return;
  assert.equal(answer.status, 422);
  assert.equal(answer.message, "Too long.");
  assert.deepEqual(answer.fieldErrors, { body: ["Too long."] });
  assert.equal(answer.reference, undefined);
});

test("an unexpected server error carries its reference, from the body or else the header", () => {
  const body = JSON.stringify({ message: "Something went wrong (Reference ab12cd34)", reference: "ab12cd34" });
  const fromBody = readJsonAnswer(500, body, new Headers({ "X-Error-Reference": "ignored0" }));
  assert.equal(!fromBody.ok && fromBody.reference, "ab12cd34");
  assert.equal(!fromBody.ok && fromBody.message, "Something went wrong (Reference ab12cd34)");
  const fromHeader = readJsonAnswer(500, "<html>proxy error</html>", new Headers({ "X-Error-Reference": "ef56ab78" }));
  assert.equal(!fromHeader.ok && fromHeader.reference, "ef56ab78");
  assert.equal(!fromHeader.ok && fromHeader.message, undefined);
});

test("a 429 says how long to wait", () => {
  const answer = readJsonAnswer(429, JSON.stringify({ message: "Wait." }), new Headers({ "Retry-After": "42" }));
  assert.equal(!answer.ok && answer.retryAfterSeconds, 42);
});

test("a 2xx whose body is not JSON is no success: nothing typed can be read from it", () => {
  const answer = readJsonAnswer(200, "<!doctype html>");
  assert.equal(answer.ok, false);
  assert.equal(answer.status, 200);
});

test("what is worth retrying: no connection, an ended session, a busy or failing server; not a refusal or an abort", () => {
  const at = (status: number, aborted = false) => worthRetrying({ status, aborted });
  assert.deepEqual(
    [0, 401, 429, 500, 503].map((s) => at(s)),
    [true, true, true, true, true],
  );
  assert.deepEqual(
    [400, 403, 404, 409, 422].map((s) => at(s)),
    [false, false, false, false, false],
  );
  assert.equal(at(0, true), false);
});

test("sendJson sends the body as JSON, never cached, and reads the answer", async () => {
  const calls: { url: string; init: RequestInit }[] = [];
  mock.method(globalThis, "fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify({ points: 2 }), { status: 200 });
  });
  const answer = await sendJson<{ points: number }>("/api/feedback", { method: "PUT", body: { a: 1 } });
  assert.deepEqual(answer, { ok: true, status: 200, data: { points: 2 } });
  assert.equal(calls[0]!.url, "/api/feedback");
  assert.equal(calls[0]!.init.method, "PUT");
  assert.equal(calls[0]!.init.body, '{"a":1}');
  assert.equal(calls[0]!.init.cache, "no-store");
  assert.deepEqual(calls[0]!.init.headers, { "Content-Type": "application/json" });
});

test("sendJson is a GET without a body and a POST with one, unless told", async () => {
  const methods: (string | undefined)[] = [];
  mock.method(globalThis, "fetch", async (_url: string, init: RequestInit) => {
    methods.push(init.method);
    assert.equal(init.body === undefined, init.headers === undefined);
    return new Response("{}", { status: 200 });
  });
  await sendJson("/api/progress");
  await sendJson("/api/feedback/read", { body: { feedbackIds: [] } });
  assert.deepEqual(methods, ["GET", "POST"]);
});

test("sendJson answers status 0 with no connection, and says when it was aborted", async () => {
  mock.method(globalThis, "fetch", async () => {
    throw new TypeError("Failed to fetch");
  });
  const offline = await sendJson("/api/notebook", { method: "PUT", body: {} });
  assert.deepEqual([offline.ok, offline.status, !offline.ok && offline.aborted], [false, 0, false]);
  mock.restoreAll();

  const controller = new AbortController();
  mock.method(globalThis, "fetch", (_url: string, init: RequestInit) => {
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
    });
  });
  const pending = sendJson("/api/workspace?lesson=x", { signal: controller.signal });
  controller.abort();
  const aborted = await pending;
  assert.deepEqual([aborted.ok, aborted.status, !aborted.ok && aborted.aborted], [false, 0, true]);
});
