import fs from "node:fs";
import path from "node:path";

/** Owner-only modes for everything under DATA_DIR: keys, the embedded database, uploads. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only, and narrows it if it already exists with a wider mode. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenMode(dir, PRIVATE_DIR_MODE);
}

/** Removes group and other permissions beyond `mode` from an existing path; symlinks are left alone. */
export function tightenMode(target: string, mode: number): void {
  const stats = fs.lstatSync(target);
  if (stats.isSymbolicLink()) return;
  const current = stats.mode & 0o777;
  if ((current & ~mode) !== 0) fs.chmodSync(target, current & mode);
}

/** What the app keeps in DATA_DIR; other entries belong to whoever put them there and are left alone. */
const PRIVATE_FILES = ["auth-secret", "secrets.key", "inngest-signing-key", "pglite.lock"];
const PRIVATE_DIRS = ["pglite", "files"];

/**
 * Run at start: DATA_DIR becomes 0700, its keys and lock file 0600, and the embedded database and uploaded
 * files 0700. Data written by an older version, or by a process with a loose umask, is narrowed; nothing is
 * ever widened.
 */
export function secureDataDir(dataDir: string): void {
  ensurePrivateDir(dataDir);
  const tightenIfPresent = (name: string, mode: number) => {
    const target = path.join(dataDir, name);
    if (fs.existsSync(target)) tightenMode(target, mode);
  };
  PRIVATE_FILES.forEach((name) => tightenIfPresent(name, PRIVATE_FILE_MODE));
  PRIVATE_DIRS.forEach((name) => tightenIfPresent(name, PRIVATE_DIR_MODE));
}
