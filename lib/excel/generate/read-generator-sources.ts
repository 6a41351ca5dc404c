/** Node-only: reads the engine sources and app templates the generator copies (see collect-engine-files.ts). */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SourceFiles } from "@/lib/excel/generate/collect-engine-files";

const SKIPPED_DIRS = new Set(["analyse", "analysis"]);

async function walk(root: string, dir: string, out: Map<string, string>): Promise<void> {
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(root, path, out);
    } else if ((entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) || path.includes("/templates/")) {
      out.set(relative(root, join(root, path)).split("\\").join("/"), await readFile(join(root, path), "utf8"));
    }
  }
}

/** `repoRoot` is the directory holding lib/ (the repository root). */
export async function readGeneratorSources(repoRoot: string): Promise<SourceFiles> {
  const out = new Map<string, string>();
  await walk(repoRoot, "lib/excel", out);
  return out;
}
