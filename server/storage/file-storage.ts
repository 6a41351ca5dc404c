import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "@/server/security/secure-data-dir";

/**
 * Where uploaded files and generated projects live. The embedded default keeps them on disk under
 * DATA_DIR/files, readable by the owner only; keys are relative paths made of safe segments only.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`unsafe storage key: ${key}`);
  }
}

export function createDiskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = resolve(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, bytes, { mode: PRIVATE_FILE_MODE });
      await fs.rename(temporary, target);
    },
    async get(key) {
      return new Uint8Array(await fs.readFile(resolve(key)));
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
