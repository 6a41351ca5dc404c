import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against a production build (`next build` must have run; `npm test` does it) served by
 * `next start` on its own port and its own fresh embedded database, with a scripted fake model as its OpenAI.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const modelPort = port + 99;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".test-reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      // A scripted model speaking the OpenAI API, which the app under test uses as its OpenAI provider.
      command: `node --import tsx test/fakes/e2e-model.ts ${modelPort}`,
      port: modelPort,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/e2e-server.mjs ${port} ${modelPort}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
