import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Journeys sign in and up; on a busy machine the password-hashing queue alone takes seconds (e2e/helpers.ts).
  timeout: 90_000,
  // A page's own state after a sign-in or a save can wait behind that queue too; an assertion still has to come true.
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      grepInvert: /@phone/,
      testIgnore: /concurrency\.spec\.ts/,
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], channel: undefined },
      grep: /@phone/,
      testIgnore: /concurrency\.spec\.ts/,
    },
    // After the journeys, not beside them: 200 sign-ins fill the server's password-hashing queue,
    // and a journey signing in meanwhile would wait past its timeouts. Alone: `-- e2e/concurrency.spec.ts --no-deps`.
    {
      name: "crowd",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /concurrency\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: {
    // The production build that `npm run test:e2e` made, on its own database (DATABASE_PATH is set by scripts/e2e.ts).
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/lessons`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_PATH: process.env.DATABASE_PATH ?? "e2e/.data/e2e.db",
      NEXTAUTH_URL: baseURL,
      INSTRUCTOR_SIGNUP_CODE: process.env.INSTRUCTOR_SIGNUP_CODE ?? "e2e-instructor-code-2026",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
