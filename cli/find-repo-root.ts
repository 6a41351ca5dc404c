import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The checkout holding lib/excel, found upwards from `start` (the sources, or the CLI's bundle under node_modules/.cache). */
export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "lib/excel"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no lib/excel above ${start}`);
  }
}
