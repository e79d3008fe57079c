/**
 * Demo accounts and a demo class, for `npm run demo` and the end-to-end tests only.
 * Seeds only a database that has no accounts yet, so it never touches real users.
 */
import { createAccount, countAccounts } from "@/db/access/users";
import { seedClass } from "@/db/access/classes";
import { formatJoinCode } from "@/lib/join-code";

export const DEMO_PASSWORD = "marginalia-demo";
export const DEMO_INSTRUCTOR = "instructor@demo.test";
export const DEMO_STUDENTS = [1, 2, 3, 4, 5].map((n) => `student${n}@demo.test`);
const DEMO_LESSON = "tajikistan-islamic-state";

export async function seedDemo(): Promise<void> {
  if ((await countAccounts()) > 0) {
    console.log("Demo accounts: the database already has accounts; not seeding.");
    return;
  }
  const instructor = await createAccount({ email: DEMO_INSTRUCTOR, name: "Demo Instructor", password: DEMO_PASSWORD, role: "instructor" });
  const names = ["Ada Obi", "Ben Lindqvist", "Chen Wei", "Dana Haddad", "Elif Kaya"];
  const students = [];
  for (const [i, email] of DEMO_STUDENTS.entries()) {
    students.push(await createAccount({ email, name: names[i]!, password: DEMO_PASSWORD, role: "student" }));
  }
  const demoClass = await seedClass({ name: "Demo class", instructorId: instructor.userId, studentIds: students.map((s) => s.userId), lessonSlugs: [DEMO_LESSON] });
  console.log(`Demo accounts created (password "${DEMO_PASSWORD}"): ${DEMO_INSTRUCTOR}, ${DEMO_STUDENTS.join(", ")}`);
  console.log(`Demo class join code: ${formatJoinCode(demoClass.joinCode)}`);
}
