import type { Metadata } from "next";
import Link from "next/link";
import { RefreshSession } from "@/components/auth/RefreshSession";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string | string[] }>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  return (
    <div className="page-narrow">
      <h1>Sign in</h1>
      {params.signedOut === "everywhere" && (
        <>
          <RefreshSession />
          <p role="status" className="notice">
            You have been signed out on every device.
          </p>
        </>
      )}
      <p className="lead">Sign in to answer questions, keep your progress and see your classes.</p>
      <SignInForm returnTo={returnTo} />
      <p>
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>. Lessons
        can also be read without one: <Link href="/lessons">browse the lessons</Link>.
      </p>
    </div>
  );
}
