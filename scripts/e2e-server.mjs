// Serves the production build for Playwright on a fresh embedded database (e2e/.tmp/data).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const modelPort = process.argv[3] ?? "3199";
const dataDir = path.resolve("e2e/.tmp/data");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const environment = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
  OPENAI_API_KEY: "sk-e2e",
  OPENAI_BASE_URL: `http://127.0.0.1:${modelPort}/v1`,
};
// The e2e server always uses its own embedded database and the scripted model, never real services.
for (const name of ["DATABASE_URL", "REDIS_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "TOGETHER_API_KEY", "TOGETHER_BASE_URL", "INNGEST_BASE_URL", "INNGEST_DEV"]) {
  delete environment[name];
}
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  env: environment,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
