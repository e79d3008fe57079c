/** People for data-layer tests: a user row written straight to the database, returned as the actor the layer takes. */
import type { Actor } from "@/lib/actor";
import type { Db } from "../client";
import { users } from "../schema";

let count = 0;

/** A new user with a unique id; no password, since these tests never sign in. */
export async function insertPerson(db: Db, role: Actor["role"], name?: string): Promise<Actor> {
  const id = `user-${++count}`;
  const display = name ?? `Person ${count}`;
  await db.insert(users).values({
    id,
    email: `${id}@test`,
    name: display,
    role,
    passwordHash: "x",
    sessionVersion: 1,
    createdAt: new Date(),
  });
  return { userId: id, role, name: display, email: `${id}@test` };
}
