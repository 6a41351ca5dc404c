// `npm start`: the product on its embedded defaults at http://localhost:3000 (PORT to change), building first
// when the build is missing or older than the sources. No external services or API keys needed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDependencies } from "./ensure-dependencies.mjs";

const SOURCE_DIRS = ["app", "components", "server", "lib", "db", "inngest", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation.ts", "env.ts", "postcss.config.mjs"];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function buildIsStale() {
  const buildId = ".next/BUILD_ID";
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((entry) => newestMtime(entry) > built);
}

ensureDependencies();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (buildIsStale()) {
  console.log("candlefish: building (next build)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
console.log(`candlefish: starting on http://localhost:${port}`);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
