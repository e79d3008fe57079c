/**
 * Queries built once per connection and run with placeholders. drizzle otherwise builds a
 * query's SQL on every call, which was about 15% of a passage page's per-user request (measured
 * with `node --cpu-prof` under `npm run bench`); the few queries every request runs are kept here.
 */
import type { DbOrTx } from "./transaction";

const built = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
