import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  return (
    <div className="page-narrow">
      <h1>Create an account</h1>
      <p className="lead">Join a class with your instructor&apos;s code, or study any lesson on your own.</p>
      <SignUpForm returnTo={returnTo} />
      <p>
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </div>
  );
}
