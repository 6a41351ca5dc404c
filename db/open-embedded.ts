import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "@/db/schema";
import type { DatabaseHandle } from "@/db/database";
import { MIGRATIONS_FOLDER } from "@/db/migrations-folder";
import { openPostgres } from "@/db/open-postgres";

/**
 * The embedded database: PGlite stored under `<dataDir>/pglite`. PGlite is single-process, so the first
 * process to open the directory owns it and serves it on a loopback port recorded in `<dataDir>/pglite.lock`;
 * later processes (the CLI while the app runs) connect to that port instead of opening the files.
 */
interface LockFile {
  pid: number;
  port: number;
}

/** The data directory and the database files are the owner's only (see server/security/secure-data-dir.ts). */
const PRIVATE_DIR = { recursive: true, mode: 0o700 } as const;

export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, PRIVATE_DIR);
  const lockPath = path.join(dataDir, "pglite.lock");
  const owner = readLiveOwner(lockPath);
  if (owner) {
    return openPostgres(`postgres://postgres@127.0.0.1:${owner.port}/postgres`, { maxConnections: 1 });
  }
  return openAsOwner(dataDir, lockPath);
}

async function openAsOwner(dataDir: string, lockPath: string): Promise<DatabaseHandle> {
  const databaseDir = path.join(dataDir, "pglite");
  fs.mkdirSync(databaseDir, PRIVATE_DIR);
  const client = await PGlite.create(databaseDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

  const port = await findFreePort();
  const server = new PGLiteSocketServer({ db: client, host: "127.0.0.1", port, maxConnections: 8 });
  await server.start();
  fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port } satisfies LockFile), { mode: 0o600 });
  const releaseLock = () => removeLockIfOurs(lockPath);
  process.once("exit", releaseLock);

  return {
    db,
    driver: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      process.off("exit", releaseLock);
      releaseLock();
      await server.stop();
      await client.close();
    },
  };
}

function readLiveOwner(lockPath: string): LockFile | undefined {
  let lock: LockFile;
  try {
    lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockFile;
  } catch {
    return undefined;
  }
  if (lock.pid === process.pid || !isProcessAlive(lock.pid)) return undefined;
  return lock;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeLockIfOurs(lockPath: string): void {
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockFile;
    if (lock.pid === process.pid) fs.unlinkSync(lockPath);
  } catch {
    // Already gone: nothing to release.
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
