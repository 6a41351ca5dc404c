import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskStorage } from "@/server/storage/file-storage";

describe("disk storage", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cf-storage-"));
  const storage = createDiskStorage(root);

  it("stores, reads back and deletes bytes", async () => {
    await storage.put("org-1/workbooks/w1/v1.xlsx", new Uint8Array([1, 2, 3]));
    expect([...(await storage.get("org-1/workbooks/w1/v1.xlsx"))]).toEqual([1, 2, 3]);
    await storage.delete("org-1/workbooks/w1/v1.xlsx");
    await expect(storage.get("org-1/workbooks/w1/v1.xlsx")).rejects.toThrow();
  });

  it("refuses keys that could escape its root", async () => {
    for (const key of ["../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b"]) {
      await expect(storage.put(key, new Uint8Array())).rejects.toThrow(/unsafe storage key/);
    }
  });
});
