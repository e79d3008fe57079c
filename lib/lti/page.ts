/**
 * The few pages an LMS launch shows (a refusal, "open in a new window", the lesson picker of deep
 * linking, the hand-back to the LMS): plain HTML from the route handlers, which work without a
 * session (inside an LMS frame there is none), framable only by the registered platforms' origins.
 */
import { createHash } from "node:crypto";

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The one script these pages may run: submitting the hand-back form to the LMS. */
const AUTO_SUBMIT = "document.getElementById('hand-back').submit();";
const AUTO_SUBMIT_HASH = `'sha256-${createHash("sha256").update(AUTO_SUBMIT).digest("base64")}'`;

/**
 * The policy of these pages: nothing loads; no script but the hand-back's; forms post only to this
 * site or to `formTargets`; framing only by `frameOrigins` (none when empty).
 */
export function ltiPagePolicy(
  frameOrigins: readonly string[],
  { formTargets = [], autoSubmit = false }: { formTargets?: readonly string[]; autoSubmit?: boolean } = {},
): string {
  const ancestors = frameOrigins.length > 0 ? frameOrigins.join(" ") : "'none'";
  return [
    "default-src 'none'",
    `script-src ${autoSubmit ? AUTO_SUBMIT_HASH : "'none'"}`,
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formTargets].join(" ")}`,
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Marginalia</title>
<style>
body { font: 1.0625rem/1.6 system-ui, sans-serif; color: #1f2328; background: #fbfaf7; margin: 0; }
main { max-width: 36rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { font-size: 1.5rem; line-height: 1.3; }
fieldset { border: 1px solid #c9c4b8; border-radius: 0.4rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.25rem 0; }
.button { display: inline-block; padding: 0.6rem 1.1rem; border: 0; border-radius: 0.4rem; background: #1d4e89; color: #fff; text-decoration: none; font: inherit; font-weight: 600; cursor: pointer; }
.button:focus-visible, input:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function respond(html: string, status: number, policy: string): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": policy,
      "Referrer-Policy": "no-referrer",
    },
  });
}

const paragraphsHtml = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");

export function ltiPage({
  title,
  paragraphs,
  link,
  status,
  frameOrigins,
}: {
  title: string;
  paragraphs: readonly string[];
  link?: { href: string; text: string; newWindow?: boolean };
  status: number;
  frameOrigins: readonly string[];
}): Response {
  const linkHtml = link
    ? `<p><a class="button" href="${escapeHtml(link.href)}"${link.newWindow ? ' target="_blank" rel="noopener"' : ""}>${escapeHtml(link.text)}</a></p>`
    : "";
  return respond(document(title, paragraphsHtml(paragraphs) + linkHtml), status, ltiPagePolicy(frameOrigins));
}

/** Deep linking: the instructor picks the lesson the LMS's new assignment opens. */
export function lessonPickerPage({
  className,
  lessons,
  request,
  frameOrigins,
}: {
  className: string;
  lessons: readonly { slug: string; title: string; points: number }[];
  request: string;
  frameOrigins: readonly string[];
}): Response {
  const options = lessons
    .map(
      (l, i) =>
        `<label><input type="radio" name="lesson" value="${escapeHtml(l.slug)}"${i === 0 ? " checked" : ""} required> <span>${escapeHtml(l.title)} <small>(${l.points} points)</small></span></label>`,
    )
    .join("\n");
  const body =
    lessons.length === 0
      ? "<p>No lessons have been imported into Marginalia yet. An administrator imports them with npm run content:import.</p>"
      : `<p>The assignment your LMS makes opens this lesson for the students of ${escapeHtml(className)}, and their scores come back to its gradebook.</p>
<form method="post" action="/api/lti/deep-link">
<input type="hidden" name="request" value="${escapeHtml(request)}">
<fieldset><legend>Lesson</legend>
${options}
</fieldset>
<label><input type="checkbox" name="show_answers" value="true"> <span>Students see the correct answers and explanations after they submit</span></label>
<p><button class="button" type="submit">Add to the course</button></p>
</form>`;
  return respond(document("Choose a lesson for your course", body), 200, ltiPagePolicy(frameOrigins));
}

/** Hands a signed message back to the LMS: a form posted at once (or by the button, without script). */
export function handBackPage({
  title,
  paragraphs,
  action,
  fields,
  frameOrigins,
}: {
  title: string;
  paragraphs: readonly string[];
  action: string;
  fields: Record<string, string>;
  frameOrigins: readonly string[];
}): Response {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const body = `${paragraphsHtml(paragraphs)}
<form id="hand-back" method="post" action="${escapeHtml(action)}">
${inputs}
<p><button class="button" type="submit">Return to your LMS</button></p>
</form>
<script>${AUTO_SUBMIT}</script>`;
  return respond(
    document(title, body),
    200,
    ltiPagePolicy(frameOrigins, { formTargets: [new URL(action).origin], autoSubmit: true }),
  );
}
