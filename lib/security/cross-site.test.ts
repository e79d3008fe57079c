import { test } from "node:test";
import assert from "node:assert/strict";
import { FOREIGN_ORIGIN, NOT_JSON, isJsonContentType, refuseCrossSiteJson, refuseForeignOrigin } from "./cross-site";

const h = (init: Record<string, string>) => new Headers(init);

test("a same-origin JSON request from the app's page passes", () => {
  assert.equal(
    refuseCrossSiteJson(
      "POST",
      h({
        host: "127.0.0.1:3000",
        origin: "http://127.0.0.1:3000",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      }),
    ),
    null,
  );
  assert.equal(
    refuseCrossSiteJson(
      "PUT",
      h({
        host: "school.example",
        origin: "https://school.example",
        "content-type": "application/json; charset=utf-8",
      }),
    ),
    null,
  );
});

test("the text/plain form from another port of the same host is refused", () => {
  const headers = h({
    host: "127.0.0.1:3602",
    origin: "http://127.0.0.1:9999",
    "sec-fetch-site": "same-site",
    "content-type": "text/plain",
  });
  assert.deepEqual(refuseCrossSiteJson("POST", headers), FOREIGN_ORIGIN);
});

test("a foreign or unreadable Origin is refused, whatever the content type", () => {
  for (const origin of [
    "http://127.0.0.1:9999",
    "https://evil.example",
    "http://sub.school.example",
    "null",
    "not a url",
  ]) {
    assert.deepEqual(refuseForeignOrigin(h({ host: "school.example", origin })), FOREIGN_ORIGIN, origin);
    assert.deepEqual(
      refuseCrossSiteJson("DELETE", h({ host: "school.example", origin, "content-type": "application/json" })),
      FOREIGN_ORIGIN,
      origin,
    );
  }
});

test("Sec-Fetch-Site other than same-origin is refused even without an Origin", () => {
  for (const site of ["same-site", "cross-site", "none"]) {
    assert.deepEqual(refuseForeignOrigin(h({ host: "school.example", "sec-fetch-site": site })), FOREIGN_ORIGIN, site);
  }
});

test("the host a proxy forwarded counts as the app's own", () => {
  assert.equal(
    refuseForeignOrigin(
      h({ host: "10.0.0.5:3000", "x-forwarded-host": "school.example", origin: "https://school.example" }),
    ),
    null,
  );
});

test("a body not declared as JSON is refused with 415 on every state-changing method", () => {
  for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "",
    ]) {
      const headers = h(type ? { host: "a", "content-type": type } : { host: "a" });
      assert.deepEqual(refuseCrossSiteJson(method, headers), NOT_JSON, `${method} ${type}`);
    }
  }
});

test("reads are not checked (GET, HEAD)", () => {
  assert.equal(
    refuseCrossSiteJson("GET", h({ host: "a", origin: "https://evil.example", "content-type": "text/plain" })),
    null,
  );
  assert.equal(refuseCrossSiteJson("HEAD", h({ host: "a" })), null);
});

test("requests from no browser page (no Origin, no Sec-Fetch-Site) go on to the session check", () => {
  assert.equal(refuseCrossSiteJson("PUT", h({ host: "a", "content-type": "application/json" })), null);
});

test("isJsonContentType", () => {
  assert.equal(isJsonContentType("Application/JSON"), true);
  assert.equal(isJsonContentType(null), false);
  assert.equal(isJsonContentType("text/json"), false);
});
