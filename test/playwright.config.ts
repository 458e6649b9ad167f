import { fileURLToPath } from 'node:url';

import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './fixtures/chromium';

const testDir = fileURLToPath(new URL('./e2e', import.meta.url));
const artifacts = fileURLToPath(new URL('./artifacts', import.meta.url));

export default defineConfig({
  testDir,
  outputDir: `${artifacts}/playwright`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter:
    process.env.PW_REPORTER === 'json' ? [['list'], ['json', { outputFile: `${artifacts}/playwright.json` }]] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'web', testMatch: 'web/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
