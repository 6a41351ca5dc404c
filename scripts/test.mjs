// `npm test`: every check, in order: lint, type check, unit and integration tests (Vitest), production build,
// end-to-end tests (Playwright on Chromium). Ends with one line counting every test that ran.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { ensureDependencies } from "./ensure-dependencies.mjs";

const REPORTS = ".test-reports";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  console.log(`◀ ${label}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function readCounts(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

ensureDependencies();
fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });
const next = ["node_modules/next/dist/bin/next"];
const steps = [
  ["lint", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`]],
  ["build", process.execPath, [...next, "build"]],
  ["end-to-end tests", "npx", ["playwright", "test"]],
];
let ok = true;
for (const [label, command, args] of steps) {
  ok = run(label, command, args) && ok;
  if (!ok && label === "build") break;
}

const vitest = readCounts(`${REPORTS}/vitest.json`, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + report.numTodoTests,
}));
const playwright = readCounts(`${REPORTS}/playwright.json`, (report) => ({
  passed: report.stats.expected,
  failed: report.stats.unexpected + report.stats.flaky,
  skipped: report.stats.skipped,
}));
const failed = vitest.failed + playwright.failed;
console.log(`\n${vitest.passed + playwright.passed} passed, ${failed} failed, ${vitest.skipped + playwright.skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
