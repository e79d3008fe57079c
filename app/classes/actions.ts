"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  assignLesson,
  createClass,
  leaveClass,
  regenerateJoinCode,
  removeStudent,
  unassignLesson,
} from "@/db/access/classes";
import { formAction } from "@/lib/server-action";
import { syncRoster } from "@/db/access/lti-roster";
import {
  assignLessonSchema,
  classIdSchema,
  classNameSchema,
  removeStudentSchema,
  unassignSchema,
} from "@/lib/validation/accounts";

export const createClassAction = formAction(classNameSchema, async (actor, input) => {
  const { id } = await createClass(actor, input);
  redirect(`/classes/${id}`);
});

export const regenerateJoinCodeAction = formAction(classIdSchema, async (actor, { classId }) => {
  await regenerateJoinCode(actor, classId);
  revalidatePath(`/classes/${classId}`);
  return { status: "success", message: "New code made. The old code no longer works." };
});

export const removeStudentAction = formAction(removeStudentSchema, async (actor, { classId, studentId }) => {
  await removeStudent(actor, classId, studentId);
  revalidatePath(`/classes/${classId}`);
  return { status: "success", message: "Student removed from the class." };
});

export const assignLessonAction = formAction(assignLessonSchema, async (actor, input) => {
  // A due date is the end of that day, in UTC.
  const dueAt = input.dueDate ? new Date(`${input.dueDate}T23:59:59Z`) : null;
  await assignLesson(actor, {
    classId: input.classId,
    lessonSlug: input.lessonSlug,
    dueAt,
    showAnswersAfterSubmit: input.showAnswersAfterSubmit,
  });
  revalidatePath(`/classes/${input.classId}`);
  return { status: "success", message: "Lesson assigned." };
});

export const unassignLessonAction = formAction(unassignSchema, async (actor, { classId, assignmentId }) => {
  await unassignLesson(actor, classId, assignmentId);
  revalidatePath(`/classes/${classId}`);
  return { status: "success", message: "Assignment removed." };
});

export const leaveClassAction = formAction(classIdSchema, async (actor, { classId }) => {
  await leaveClass(actor, classId);
  redirect("/classes");
});

export const syncRosterAction = formAction(classIdSchema, async (actor, { classId }) => {
  const sync = await syncRoster(actor, classId);
  revalidatePath(`/classes/${classId}`);
  const added = `${sync.added} ${sync.added === 1 ? "student" : "students"} added from the LMS`;
  const already = sync.alreadyIn > 0 ? `, ${sync.alreadyIn} already in the class` : "";
  const skipped =
    sync.skipped > 0
      ? `. ${sync.skipped} ${sync.skipped === 1 ? "person is" : "people are"} a student there but an instructor here, and not added`
      : "";
  return { status: "success", message: `${added}${already}${skipped}.` };
});
