import type { Metadata } from "next";
import Link from "next/link";
import { taughtClass } from "@/db/access/classes";
import { listShareableAnswers } from "@/db/access/class-snapshots";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-access";
import { DomainError } from "@/lib/errors";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ShareSnapshotForm } from "@/components/discussion/ShareSnapshotForm";

export const metadata: Metadata = { title: "Share answers with the class" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ lesson?: string | string[]; question?: string | string[] }>;
};

export default async function ShareSnapshotPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { lesson, question } = await searchParams;
  const actor = await requireActor(`/classes/${id}/share`);
  // Only the class's instructor shares its answers; anyone else finds no such page.
  const className = (await orNotFound(taughtClass(actor, id))).name;
  let shareable = null;
  let refusal: string | null = null;
  if (typeof lesson === "string" && typeof question === "string") {
    try {
      shareable = await orNotFound(
        listShareableAnswers(actor, { classId: id, lessonSlug: lesson, questionKey: question }),
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      refusal = err.message;
    }
  }

  return (
    <div className="page-narrow">
      <Breadcrumbs
        trail={[
          { href: "/classes", label: "Classes" },
          { href: `/classes/${id}`, label: className },
          { href: `/classes/${id}/review`, label: "Review answers" },
        ]}
      />
      <h1>Share answers with the class</h1>
      {refusal && (
        <p role="alert" className="notice">
          {refusal}
        </p>
      )}
      {!shareable ? (
        <p>
          Choose a question to share from the <Link href={`/classes/${id}/review`}>review queue</Link> or the{" "}
          <Link href={`/classes/${id}/insights`}>insights</Link>.
        </p>
      ) : (
        <>
          <p className="lead">
            {shareable.lessonTitle} · {shareable.passageTitle}
          </p>
          <p>
            <strong>Question:</strong> {shareable.question}
          </p>
          <p className="muted">
            The chosen answers appear as a thread in the passage&apos;s discussion. Students see it only once they have
            submitted their own answer, so nobody can copy from it. Answers are shared without names unless you choose
            otherwise.
          </p>
          {shareable.answers.length === 0 ? (
            <p className="notice">No submitted written answers to this question yet.</p>
          ) : (
            <ShareSnapshotForm
              classId={id}
              lessonSlug={typeof lesson === "string" ? lesson : ""}
              questionKey={typeof question === "string" ? question : ""}
              shareable={shareable}
            />
          )}
        </>
      )}
    </div>
  );
}
