/**
 * The few pages an LMS launch shows (a refusal, "open in a new window"): plain HTML from the route
 * handler, with no script at all, framable only by the registered platforms' origins.
 */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The policy of these pages: nothing loads or runs; framing only by `frameOrigins` (none when empty). */
export function ltiPagePolicy(frameOrigins: readonly string[]): string {
  const ancestors = frameOrigins.length > 0 ? frameOrigins.join(" ") : "'none'";
  return `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`;
}

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
  const html = `<!doctype html>
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
.button { display: inline-block; padding: 0.6rem 1.1rem; border-radius: 0.4rem; background: #1d4e89; color: #fff; text-decoration: none; font-weight: 600; }
.button:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${linkHtml}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": ltiPagePolicy(frameOrigins),
      "Referrer-Policy": "no-referrer",
    },
  });
}
