/** Reading what a platform sends: a query string or a posted form, as plain string fields. */
import "server-only";
import { LaunchRefusal } from "./launch";

export async function formFields(request: Request): Promise<Record<string, string>> {
  if (request.method === "GET") return Object.fromEntries(new URL(request.url).searchParams);
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded"))
    throw new LaunchRefusal(
      "malformed-request",
      "This request to Marginalia is not an LMS form post. Open Marginalia from your course.",
    );
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await request.text());
  } catch {
    throw new LaunchRefusal("malformed-request", "This request to Marginalia could not be read.");
  }
  return Object.fromEntries(form);
}
