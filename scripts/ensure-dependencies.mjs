// Installs the locked dependencies when node_modules is missing or older than package-lock.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale = !fs.existsSync(marker) || fs.statSync("package-lock.json").mtimeMs > fs.statSync(marker).mtimeMs;
  if (!stale) return;
  console.log("candlefish: installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
