import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { JoinClassForm } from "@/components/classes/JoinClassForm";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const given = (await searchParams).code;
  const code = typeof given === "string" ? given.slice(0, 40) : undefined;
  const actor = await requireActor(code ? `/join?code=${encodeURIComponent(code)}` : "/join");
  return (
    <div className="page-narrow">
      <h1>Join a class</h1>
      {actor.role === "instructor" ? (
        <p>
          You are signed in as an instructor. Instructors create classes rather than join them: see{" "}
          <Link href="/classes">your classes</Link>.
        </p>
      ) : (
        <>
          <p className="lead">Type the code your instructor gave you.</p>
          <JoinClassForm code={code} />
        </>
      )}
    </div>
  );
}
