// What the end-to-end build is: shared by the runner (e2e/run.mjs), the
// Playwright config, the fixtures and the project-copy builds.

/** The moment the test build treats as "now": before the scheduled fixture, after everything else. */
export const E2E_BUILD_TIME = '2026-11-28T12:00:00-06:00';

/**
 * The folder the suite builds into and `astro preview` serves (gitignored).
 * Never `dist/`: that belongs to `npm run build`, and a CI that builds, tests
 * and deploys must deploy what the build made.
 */
export const E2E_OUT_DIR = '.test-dist';
