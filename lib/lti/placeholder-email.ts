/**
 * The address of an LMS account whose LMS sent no email, or one another account already uses:
 * unique (emails are), never deliverable (.invalid is reserved, RFC 2606), and never shown.
 */
const DOMAIN = "@lti.invalid";

export function placeholderEmail(id: string): string {
  return `lti-${id}${DOMAIN}`;
}

/** The email to show for an account: none for a placeholder. */
export function shownEmail(email: string): string {
  return email.endsWith(DOMAIN) ? "" : email;
}
