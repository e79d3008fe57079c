import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml, handBackPage, lessonPickerPage, ltiPage, ltiPagePolicy } from "./page";

test("LMS pages may be framed only by the origins given, and run no script but the hand-back's", () => {
  assert.match(ltiPagePolicy([]), /frame-ancestors 'none'/);
  assert.match(
    ltiPagePolicy(["https://lms.example", "https://school.example"]),
    /frame-ancestors https:\/\/lms\.example https:\/\/school\.example$/,
  );
  assert.match(ltiPagePolicy([]), /script-src 'none'/);
  const handBack = ltiPagePolicy([], { formTargets: ["https://lms.example"], autoSubmit: true });
  assert.match(handBack, /script-src 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.match(handBack, /form-action 'self' https:\/\/lms\.example/);
});

test("what an LMS or a person typed is escaped on these pages", async () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const refusal = await ltiPage({
    title: "T",
    paragraphs: ["<script>alert(1)</script>"],
    status: 400,
    frameOrigins: [],
  }).text();
  assert.ok(!refusal.includes("<script>alert(1)"));
  const picker = await lessonPickerPage({
    className: "<b>Class</b>",
    lessons: [{ slug: "a-b", title: 'Say "hi"', points: 3 }],
    request: "tok",
    frameOrigins: [],
  }).text();
  assert.ok(picker.includes("&lt;b&gt;Class&lt;/b&gt;") && picker.includes("Say &quot;hi&quot;"));
  const back = handBackPage({
    title: "T",
    paragraphs: [],
    action: "https://lms.example/return?a=1&b=2",
    fields: { JWT: 'x"y' },
    frameOrigins: [],
  });
  const html = await back.text();
  assert.ok(html.includes('action="https://lms.example/return?a=1&amp;b=2"') && html.includes('value="x&quot;y"'));
  // The page's one script is the one its policy's hash allows.
  const script = html.match(/<script>([^<]*)<\/script>/)![1]!;
  const { createHash } = await import("node:crypto");
  assert.ok(
    back.headers
      .get("content-security-policy")!
      .includes(`'sha256-${createHash("sha256").update(script).digest("base64")}'`),
  );
});
