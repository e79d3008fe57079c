import { test } from "node:test";
import assert from "node:assert/strict";
import {
  courseClassName,
  displayName,
  launchFrameOrigin,
  launchLessonSlug,
  lmsLine,
  LTI_CLAIM,
  roleFromLtiRoles,
} from "./launch";

const uri = (s: string) => `http://purl.imsglobal.org/vocab/lis/v2/${s}`;

test("LTI roles map to Marginalia's: instructors and administrators teach, learners study, others are refused", () => {
  assert.equal(roleFromLtiRoles([uri("membership#Instructor")]), "instructor");
  assert.equal(roleFromLtiRoles([uri("institution/person#Administrator")]), "instructor");
  assert.equal(roleFromLtiRoles([uri("system/person#SysAdmin")]), "instructor");
  assert.equal(roleFromLtiRoles([uri("membership#Learner"), uri("institution/person#Student")]), "student");
  assert.equal(roleFromLtiRoles(["Learner"]), "student", "the short names some platforms send");
  assert.equal(roleFromLtiRoles([uri("membership#Learner"), uri("membership#Instructor")]), "instructor");
  assert.equal(roleFromLtiRoles([uri("membership/Instructor#TeachingAssistant")]), null);
  assert.equal(roleFromLtiRoles([uri("membership#Mentor")]), null);
  assert.equal(roleFromLtiRoles([]), null);
});

test("names and course titles from an LMS become storable lines", () => {
  assert.equal(displayName({ name: "Ada Obi" }), "Ada Obi");
  assert.equal(displayName({ given_name: "Ada", family_name: "Obi" }), "Ada Obi");
  assert.equal(displayName({}), "LMS user");
  assert.equal(displayName({ name: "A\u0000da\ufffd" }), "A da");
  assert.equal(courseClassName({ id: "42", title: undefined, label: undefined }), "Course 42");
  assert.equal(courseClassName({ id: "42", title: "World\nHistory", label: "WH" }), "World History");
  assert.ok(courseClassName({ id: "1", title: "word ".repeat(40), label: undefined }).length <= 80);
  assert.equal(lmsLine("\ud800lone", 10), "lone");
});

test("a link's lesson is its custom parameter, when it looks like a slug", () => {
  assert.equal(
    launchLessonSlug({ [LTI_CLAIM.custom]: { lesson: "tajikistan-islamic-state" } }),
    "tajikistan-islamic-state",
  );
  assert.equal(launchLessonSlug({ [LTI_CLAIM.custom]: { lesson: "../etc" } }), null);
  assert.equal(launchLessonSlug({ [LTI_CLAIM.custom]: { lesson: 3 } }), null);
  assert.equal(launchLessonSlug({}), null);
});

test("the origin that shows a launch is its signed return URL's", () => {
  assert.equal(
    launchFrameOrigin({
      [LTI_CLAIM.launchPresentation]: {
        return_url: "https://school.instructure.com/courses/1/external_content/success/external_tool_redirect",
      },
    }),
    "https://school.instructure.com",
  );
  assert.equal(launchFrameOrigin({ [LTI_CLAIM.launchPresentation]: {} }), null);
  assert.equal(launchFrameOrigin({}), null);
});
