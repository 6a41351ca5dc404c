// `npm run cli -- <command>`: runs the command line from a bundle that esbuild builds once into
// node_modules/.cache/candlefish-cli (and again whenever a file it was built from changes), instead of
// transpiling TypeScript on every call. Run with `node --conditions=react-server` like the app's server code.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "node_modules/.cache/candlefish-cli");
const manifestPath = path.join(out, "inputs.json");
/** Files that change the build without being bundled into it. */
const BUILD_INPUTS = ["scripts/run-cli.mjs", "tsconfig.json", "package-lock.json"];

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return -1;
  }
}

function isFresh() {
  try {
    const inputs = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    return Object.entries(inputs).every(([file, time]) => mtime(file) === time);
  } catch {
    return false;
  }
}

async function build() {
  const { build: esbuild } = await import("esbuild");
  const staging = `${out}.${process.pid}`;
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: { index: "cli/index.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    conditions: ["react-server"],
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "error",
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS]) inputs[file] = mtime(file);
  fs.writeFileSync(path.join(staging, "inputs.json"), JSON.stringify(inputs));
  fs.rmSync(out, { recursive: true, force: true });
  try {
    fs.renameSync(staging, out);
  } catch {
    // Another invocation built it at the same moment; use that one.
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (!isFresh()) await build();
await import(pathToFileURL(path.join(out, "index.mjs")).href);
