import { defineConfig, devices } from '@playwright/test';
import { E2E_OUT_DIR } from './e2e/test-build.mjs';

/**
 * End-to-end tests run against the built site served by `astro preview`.
 * Run them through `npm run test:e2e` (e2e/run.mjs), which finds or installs
 * a Chromium, builds the site at a fixed BUILD_TIME into its own folder
 * (E2E_OUT_DIR, never dist/) and sets the variables read here.
 */
const port = Number(process.env['E2E_PORT'] ?? 4329);
const executablePath = process.env['E2E_CHROMIUM'] || undefined;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npm run preview -- --port ${port} --outDir ${E2E_OUT_DIR}`,
    url: `http://127.0.0.1:${port}/es/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
