// Installs the locked dependencies when node_modules is missing or older than package-lock.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale = !fs.existsSync(marker) || fs.statSync("package-lock.json").mtimeMs > fs.statSync(marker).mtimeMs;
  if (!stale) return;
  console.log("candlefish: installing dependencies…");
  // `npm ci` refuses a lock file that no longer matches package.json (an edited dependency not yet locked);
  // `npm install` then brings the lock up to date.
  const install = (command) => spawnSync("npm", [command, "--no-audit", "--no-fund"], { stdio: "inherit" }).status === 0;
  if (!install("ci") && !install("install")) process.exit(1);
}
