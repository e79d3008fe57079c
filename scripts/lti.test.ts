import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

/** The administrator's commands, as typed: exit codes and what they say (a database of their own). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-lti-cli-"));
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: path.join(dir, "lti.db") };
delete env.DATABASE_URL;
const lti = (...args: string[]) =>
  spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/lti.ts", ...args], {
    env,
    encoding: "utf8",
  });
const platform = [
  "--issuer",
  "https://canvas.school.example",
  "--client-id",
  "1000001",
  "--auth-url",
  "https://canvas.school.example/api/lti/authorize_redirect",
  "--token-url",
  "https://canvas.school.example/login/oauth2/token",
  "--jwks-url",
  "https://canvas.school.example/api/lti/security/jwks",
];

test("lti:register, lti:list and lti:remove, with bad input refused by option and nothing written", () => {
  const bad = lti(
    "register",
    ...platform.map((a) => (a.startsWith("https://canvas") ? a.replace("https", "http") : a)),
    "--deployment-id",
    "1",
  );
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--issuer: The issuer must start with https:\/\//);
  assert.match(lti("list").stdout, /No platforms are registered/);

  const first = lti("register", ...platform, "--deployment-id", "1");
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Registered https:\/\/canvas\.school\.example \(client 1000001\) with deployment 1\./);
  assert.match(lti("register", ...platform, "--deployment-id", "2").stdout, /Added deployment 2/);
  assert.match(lti("list").stdout, /client 1000001 {2}deployments 1, 2/);

  const missing = lti("remove", "--issuer", "https://canvas.school.example", "--client-id", "nobody");
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /No platform is registered with that issuer and client id\./);
  assert.equal(lti("remove", "--issuer", "https://canvas.school.example", "--client-id", "1000001").status, 0);
  assert.match(lti("list").stdout, /No platforms are registered/);
  assert.equal(lti("unknown").status, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});
