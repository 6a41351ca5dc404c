/**
 * Copies the engine files a generated model needs into the project: the import closure of the model
 * runtime, plus only the function family files declaring the functions the workbook calls, with
 * `@/lib/excel/...` imports rewritten to relative paths.
 */
export type SourceFiles = ReadonlyMap<string, string>;

const RUNTIME_DIR = "lib/excel/generate/runtime/";
const FUNCTIONS_DIR = "lib/excel/functions/";
const REGISTRY = `${FUNCTIONS_DIR}registry.ts`;
const ENTRIES = [`${RUNTIME_DIR}model-engine.ts`, `${RUNTIME_DIR}formula-builders.ts`];
const IMPORT = /(\bfrom\s+|\bimport\s+)"@\/(lib\/excel\/[^"]+)"/g;

/** Where a repository file lands in the generated project. */
export function projectPath(repoPath: string): string {
  if (repoPath.startsWith(RUNTIME_DIR)) return `src/runtime/${repoPath.slice(RUNTIME_DIR.length)}`;
  return `src/excel/${repoPath.slice("lib/excel/".length)}`;
}

function relativeImport(fromProjectPath: string, toProjectPath: string): string {
  const from = fromProjectPath.split("/").slice(0, -1);
  const to = toProjectPath.replace(/\.ts$/, "").split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  const ups = from.length - common;
  const rest = to.slice(common).join("/");
  return ups === 0 ? `./${rest}` : `${"../".repeat(ups)}${rest}`;
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => `${m[2] ?? ""}.ts`);
}

/** Family files (exporting `FunctionSpec[]` arrays) with the export names and the text they hold. */
export function functionFamilies(sources: SourceFiles): { path: string; exports: string[]; text: string }[] {
  const out: { path: string; exports: string[]; text: string }[] = [];
  for (const [path, text] of sources) {
    if (!path.startsWith(FUNCTIONS_DIR) || path === REGISTRY) continue;
    const exports = [...text.matchAll(/export const (\w+): FunctionSpec\[\] =/g)].map((m) => m[1] ?? "");
    if (exports.length > 0) out.push({ path, exports, text });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The family files declaring `functions` (every family when one cannot be found, to stay correct). */
export function selectFamilies(sources: SourceFiles, functions: Iterable<string>): { path: string; exports: string[] }[] {
  const families = functionFamilies(sources);
  const chosen = new Set<(typeof families)[number]>();
  for (const name of functions) {
    const literal = `"${name}"`;
    const found = families.filter((f) => f.text.includes(literal));
    if (found.length === 0) return families;
    for (const family of found) chosen.add(family);
  }
  return families.filter((f) => chosen.has(f));
}

function registrySource(families: { path: string; exports: string[] }[]): string {
  const imports = families.map((f) => `import { ${f.exports.join(", ")} } from "${relativeImport(projectPath(REGISTRY), projectPath(f.path))}";`);
  const groups = families.flatMap((f) => f.exports);
  return [
    "/** The spreadsheet functions this workbook uses (the engine's function families that declare them). */",
    ...imports,
    'import type { FunctionSpec } from "./types";',
    "",
    "function buildRegistry(groups: readonly (readonly FunctionSpec[])[]): ReadonlyMap<string, FunctionSpec> {",
    "  const map = new Map<string, FunctionSpec>();",
    "  for (const group of groups) for (const spec of group) map.set(spec.name, spec);",
    "  return map;",
    "}",
    "",
    `export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = buildRegistry([${groups.join(", ")}]);`,
    "",
  ].join("\n");
}

/** Project files (path -> content) for the model runtime, the engine pieces it needs and the registry. */
export function collectEngineFiles(sources: SourceFiles, functions: Iterable<string>): Map<string, string> {
  const families = selectFamilies(sources, functions);
  const out = new Map<string, string>();
  const queue = [...ENTRIES, ...families.map((f) => f.path)];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path) || path === REGISTRY) continue;
    seen.add(path);
    const text = sources.get(path);
    if (text === undefined) throw new Error(`Engine source ${path} is missing from the generator's sources`);
    const target = projectPath(path);
    out.set(
      target,
      text.replace(IMPORT, (_, keyword: string, spec: string) => `${keyword}"${relativeImport(target, projectPath(`${spec}.ts`))}"`),
    );
    queue.push(...importsOf(text));
  }
  out.set(projectPath(REGISTRY), registrySource(families));
  return out;
}
