import "server-only";
import path from "node:path";
import { env } from "@/env";
import { createDiskStorage, type FileStorage } from "@/server/storage/file-storage";

const globalForStorage = globalThis as unknown as { candlefishStorage?: FileStorage };

export function getStorage(): FileStorage {
  globalForStorage.candlefishStorage ??= createDiskStorage(path.resolve(env.DATA_DIR, "files"));
  return globalForStorage.candlefishStorage;
}
