/**
 * The tables of the engine this process uses: SQLite (./sqlite.ts) by default, PostgreSQL
 * (./postgres.ts) when DATABASE_URL is set. Access code is typed against the SQLite tables; the
 * PostgreSQL ones have the same names, columns and kinds of value (./schemas-match.test.ts), so
 * every query builds the same on both.
 */
import { databaseEngine } from "@/lib/env";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

/** Chosen once, when this module is first loaded: DATABASE_URL must be set before that. */
export const schemaEngine = databaseEngine();
const tables = (schemaEngine === "postgres" ? postgres : sqlite) as unknown as typeof sqlite;

export const {
  lessons,
  passages,
  questions,
  questionVersions,
  glossaryTerms,
  voices,
  users,
  classes,
  enrollments,
  assignments,
  signInThrottle,
  classVersions,
  attempts,
  answers,
  selfChecks,
  feedback,
  feedbackHistory,
  savedComments,
  discussionThreads,
  discussionPosts,
  discussionSnapshotAnswers,
  discussionReports,
  discussionVisits,
  notebookEntries,
  marks,
  endedSessions,
  appSecrets,
  ltiPlatforms,
  ltiDeployments,
  ltiKeys,
  ltiLaunchStates,
  ltiAccounts,
  ltiContexts,
  ltiTickets,
  ltiDeepLinks,
  ltiGradeLinks,
  ltiScorePosts,
} = tables;
