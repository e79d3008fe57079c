import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { shownEmail } from "@/lib/lti/placeholder-email";
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/auth/AccountForms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor("/account");
  return (
    <div className="page-narrow">
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {shownEmail(actor.email) || `${actor.name}, through your LMS`} (
        {actor.role === "instructor" ? "instructor" : "student"}).
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Name</h2>
        <ProfileForm name={actor.name} />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p>Changing your password signs you out on every other device.</p>
        <PasswordForm />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a shared or lost device? Sign out everywhere, this browser included.</p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
