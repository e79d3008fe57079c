/** Input schemas for accounts and classes: every form and action parses with one of these. */
import { z } from "zod";
import { NAMES_NOTHING, reference } from "./reference";
import { isStorableLine, UNREADABLE_TEXT } from "./text";
import { couldBeJoinCode, JOIN_CODE_FORMAT_HINT } from "@/lib/join-code";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter an email address like name@example.org." }));

const newPassword = z
  .string({ error: "Choose a password." })
  .min(10, { error: "Use at least 10 characters." })
  .max(200, { error: "Use at most 200 characters." });

const displayName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(80, { error: "Use at most 80 characters." })
  .refine(isStorableLine, { error: "Use letters, spaces and punctuation only." });

export const signUpSchema = z.strictObject({
  name: displayName,
  email,
  password: newPassword,
  instructorCode: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((s) => (s ? s : undefined)),
});

export const signInSchema = z.strictObject({
  email,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(200),
});

export const profileSchema = z.strictObject({ name: displayName });

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, { error: "Enter your current password." })
      .max(200),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    error: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

export const classNameSchema = z.strictObject({
  name: z
    .string({ error: "Name the class." })
    .trim()
    .min(1, { error: "Name the class." })
    .max(80, { error: "Use at most 80 characters." })
    .refine(isStorableLine, { error: UNREADABLE_TEXT }),
});

export const joinClassSchema = z.strictObject({
  code: z
    .string({ error: "Enter the class code." })
    .trim()
    .min(1, { error: "Enter the class code." })
    .max(40, { error: "That is longer than a class code." })
    // Only once it is there and not too long (pipe stops at the first failure): one message at a time.
    .pipe(z.string().refine(couldBeJoinCode, { error: JOIN_CODE_FORMAT_HINT })),
});

const id = reference;

export const classIdSchema = z.strictObject({ classId: id });

export const removeStudentSchema = z.strictObject({ classId: id, studentId: id });

export const assignLessonSchema = z.strictObject({
  classId: id,
  lessonSlug: z
    .string({ error: "Choose a lesson." })
    .trim()
    .min(1, { error: "Choose a lesson." })
    .max(100)
    .refine(isStorableLine, { error: NAMES_NOTHING }),
  /** From an <input type="date">: a day, due at the end of it (UTC). Empty means no due date. */
  dueDate: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(z.iso.date({ error: "Enter a date like 2026-12-01." }).optional()),
  showAnswersAfterSubmit: z
    .enum(["on", "true", "false"])
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export const unassignSchema = z.strictObject({ classId: id, assignmentId: id });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type AssignLessonInput = z.infer<typeof assignLessonSchema>;
