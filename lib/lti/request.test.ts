import { test } from "node:test";
import assert from "node:assert/strict";
import { LaunchRefusal } from "./launch";
import { formFields } from "./request";

const post = (body: BodyInit, type = "application/x-www-form-urlencoded") =>
  new Request("http://tool.example/api/lti/launch", { method: "POST", body, headers: { "content-type": type } });

test("an LMS form post is read as string fields; a query string too", async () => {
  assert.deepEqual(await formFields(post("id_token=a.b.c&state=xyz")), { id_token: "a.b.c", state: "xyz" });
  assert.deepEqual(await formFields(new Request("http://tool.example/api/lti/login?iss=https%3A%2F%2Flms&x=1")), {
    iss: "https://lms",
    x: "1",
  });
});

test("what is not an LMS form post is refused: another content type, or a body past 64 KB", async () => {
  for (const request of [
    post('{"id_token":"a"}', "application/json"),
    post("id_token=a", "text/plain"),
    post(`id_token=${"a".repeat(70_000)}`),
    // A streamed body with no length given is cut off at the limit too.
    new Request("http://tool.example/api/lti/launch", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        pull(c) {
          c.enqueue(new TextEncoder().encode("a".repeat(16_384)));
        },
      }),
      duplex: "half",
    } as RequestInit),
  ])
    await assert.rejects(
      formFields(request),
      (err: unknown) => err instanceof LaunchRefusal && err.code === "malformed-request",
    );
});
