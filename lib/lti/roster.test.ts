import { test } from "node:test";
import assert from "node:assert/strict";
import { activeLearners, membershipContainerSchema, nextPageUrl } from "./roster";

test("the next page of a roster comes from the Link header", () => {
  assert.equal(
    nextPageUrl('<https://lms.example/m?page=2>; rel="next", <https://lms.example/m?page=9>; rel="last"'),
    "https://lms.example/m?page=2",
  );
  assert.equal(nextPageUrl('<https://lms.example/m?page=9>; rel="last"'), null);
  assert.equal(nextPageUrl('<https://lms.example/d>; rel="differences"'), null);
  assert.equal(nextPageUrl(null), null);
});

test("the students of a roster are its active learners", () => {
  const roster = membershipContainerSchema.parse({
    id: "https://lms.example/m",
    context: { id: "c1" },
    members: [
      { user_id: "1", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], name: "Ann" },
      { user_id: "2", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], status: "Inactive" },
      { user_id: "3", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"] },
      { user_id: "4", roles: ["Learner"], status: "Deleted" },
      { user_id: "5", roles: ["Learner"], status: "Something new", email: 7 },
    ],
  });
  assert.deepEqual(
    activeLearners(roster.members).map((m) => m.user_id),
    ["1", "5"],
  );
});
