/** Reading what a platform sends: a query string or a posted form, as plain string fields. */
import "server-only";
import { LaunchRefusal } from "./launch";

/** Far more than any LMS form (an id_token is a few kilobytes): a bigger body is not read. */
const MAX_FORM_BYTES = 64 * 1024;

export async function formFields(request: Request): Promise<Record<string, string>> {
  if (request.method === "GET") return Object.fromEntries(new URL(request.url).searchParams);
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded"))
    throw new LaunchRefusal(
      "malformed-request",
      "This request to Marginalia is not an LMS form post. Open Marginalia from your course.",
    );
  const tooLarge = new LaunchRefusal(
    "malformed-request",
    "This request to Marginalia is too large to be an LMS launch.",
  );
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) throw tooLarge;
  // Read up to the limit, whatever Content-Length claimed (a chunked body has none).
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.byteLength;
      if (size > MAX_FORM_BYTES) {
        await reader!.cancel();
        throw tooLarge;
      }
      chunks.push(part.value);
    }
  } catch (err) {
    if (err === tooLarge) throw err;
    throw new LaunchRefusal("malformed-request", "This request to Marginalia could not be read.");
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  return Object.fromEntries(form);
}
