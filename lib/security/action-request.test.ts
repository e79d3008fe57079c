import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ACTION_BODY_LIMIT,
  checkFetchActionFields,
  checkFormActionFields,
  isPossibleServerAction,
  refuseMalformedAction,
} from "./action-request";

const root = JSON.stringify([{ status: "idle" }, "$K1"]);

test("the reply our forms send is let through: a plain root row naming the form's fields", () => {
  assert.equal(
    checkFetchActionFields([
      ["_1_$ACTION_REF_1", ""],
      ["_1_name", "Year 11"],
      ["_1_name", "again"],
      ["0", root],
    ]),
    null,
  );
  assert.equal(checkFetchActionFields([["0", JSON.stringify(["$K1"])]]), null);
  // React numbers rows in hex.
  assert.equal(
    checkFetchActionFields([
      ["_1a_name", "x"],
      ["0", JSON.stringify([{ status: "idle" }, "$K1a"])],
    ]),
    null,
  );
  // Text that starts with "$" arrives escaped as "$$…"; "$undefined" is a plain value.
  assert.equal(
    checkFetchActionFields([
      ["_1_x", "y"],
      ["0", JSON.stringify([{ message: "$$5 off", v: "$undefined" }, "$K1"])],
    ]),
    null,
  );
});

test("anything else a fetch action might carry is refused as malformed", () => {
  const refused = (entries: [string, unknown][]) =>
    assert.equal(checkFetchActionFields(entries)?.status, 400, JSON.stringify(entries));
  refused([]); // no root row
  refused([
    ["0", root],
    ["0", root],
  ]);
  refused([["0", "not json"]]);
  refused([["0", JSON.stringify({ not: "an array" })]]);
  refused([["0", JSON.stringify(["$Q2"])]]); // a Map made from another row
  refused([["0", JSON.stringify(["$@1"])]]); // a promise of another row
  refused([["0", JSON.stringify([{ deep: ["$B1"] }, "$K1"])]]); // a blob, nested
  refused([
    ["0", root],
    ["1", "[]"],
  ]); // an outlined row
  refused([
    ["0", root],
    ["_2_name", "x"],
  ]); // fields of a form the root does not name
  refused([
    ["0", root],
    ["name", "x"],
  ]);
});

test("a form posted without JavaScript may carry React's action fields only in their own shapes", () => {
  assert.equal(
    checkFormActionFields([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify({ id: "7f00ab", bound: "$@1" })],
      ["$ACTION_1:1", JSON.stringify([{ status: "idle" }])],
      ["$ACTION_KEY", "k1"],
      ["name", "x"],
    ]),
    null,
  );
  assert.equal(
    checkFormActionFields([
      ["$ACTION_ID_7f00ab", ""],
      ["name", "anything $Q1"],
    ]),
    null,
  );
  for (const entries of [
    [["$ACTION_1:0", "not json"]],
    [["$ACTION_1:0", JSON.stringify({ id: 5, bound: null })]],
    [["$ACTION_1:0", JSON.stringify({ id: "x", bound: "$Q2" })]],
    [["$ACTION_1:0", JSON.stringify({ id: "x", bound: null, extra: 1 })]],
    [["$ACTION_1:1", JSON.stringify(["$@2"])]],
    [["$ACTION_ID_not-hex!", ""]],
    [["$ACTION_WHATEVER", ""]],
  ] as [string, unknown][][]) {
    assert.equal(checkFormActionFields(entries)?.status, 400, JSON.stringify(entries));
  }
});

test("only POSTs with the action header or a multipart body are possible actions", () => {
  assert.equal(isPossibleServerAction("POST", new Headers({ "next-action": "abc" })), true);
  assert.equal(
    isPossibleServerAction("POST", new Headers({ "content-type": "multipart/form-data; boundary=x" })),
    true,
  );
  assert.equal(isPossibleServerAction("POST", new Headers({ "content-type": "application/json" })), false);
  assert.equal(isPossibleServerAction("GET", new Headers({ "next-action": "abc" })), false);
});

function actionRequest(body: BodyInit, headers: Record<string, string>): Request {
  return new Request("http://localhost/classes", { method: "POST", body, headers });
}

test("whole requests: well-formed passes, and the body is still there for Next.js to read", async () => {
  const form = new FormData();
  form.append("_1_name", "Year 11");
  form.append("0", root);
  const encoded = new Response(form);
  const request = actionRequest(await encoded.arrayBuffer(), {
    "next-action": "abc",
    "content-type": encoded.headers.get("content-type")!,
  });
  assert.equal(await refuseMalformedAction(request), null);
  assert.equal((await request.formData()).get("_1_name"), "Year 11");
});

test("whole requests: an action called with plain values (a string body) passes when it is plain JSON", async () => {
  assert.equal(
    await refuseMalformedAction(
      actionRequest(JSON.stringify(["class-1", 3, { a: "$$x" }]), {
        "next-action": "abc",
        "content-type": "text/plain;charset=UTF-8",
      }),
    ),
    null,
  );
  for (const body of ['"x"', "not json", JSON.stringify(["$Q1"])]) {
    assert.equal(
      (
        await refuseMalformedAction(
          actionRequest(body, { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
        )
      )?.status,
      400,
      body,
    );
  }
});

test("whole requests: unparseable multipart and oversized bodies are refused", async () => {
  assert.equal(
    (
      await refuseMalformedAction(
        actionRequest("garbage", { "next-action": "abc", "content-type": "multipart/form-data; boundary=zzz" }),
      )
    )?.status,
    400,
  );
  const big = new FormData();
  big.append("_1_name", "x".repeat(ACTION_BODY_LIMIT));
  big.append("0", root);
  const encoded = new Response(big);
  assert.equal(
    (
      await refuseMalformedAction(
        actionRequest(await encoded.arrayBuffer(), {
          "next-action": "abc",
          "content-type": encoded.headers.get("content-type")!,
        }),
      )
    )?.status,
    413,
  );
  assert.equal(
    (
      await refuseMalformedAction(
        actionRequest("x", {
          "next-action": "abc",
          "content-type": "multipart/form-data; boundary=z",
          "content-length": String(ACTION_BODY_LIMIT + 1),
        }),
      )
    )?.status,
    413,
  );
  // A JSON POST is not an action at all; without the header it is left to whoever handles it.
  assert.equal(await refuseMalformedAction(actionRequest("{}", { "content-type": "application/json" })), null);
});
