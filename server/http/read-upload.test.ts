import { describe, expect, it } from "vitest";
import { readUpload } from "@/server/http/read-upload";

function multipart(bytes: Uint8Array, name = "book.xlsx", field = "file") {
  const form = new FormData();
  form.append(field, new File([bytes as BlobPart], name));
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

describe("readUpload", () => {
  it("returns the named file's bytes", async () => {
    const upload = await readUpload(multipart(new Uint8Array([1, 2, 3])), "file", 1024);
    expect(upload.fileName).toBe("book.xlsx");
    expect([...upload.bytes]).toEqual([1, 2, 3]);
  });

  it("refuses a body over the limit while streaming it", async () => {
    const huge = new Uint8Array(300 * 1024);
    await expect(readUpload(multipart(huge), "file", 100 * 1024)).rejects.toMatchObject({ code: "payload_too_large", httpStatus: 413 });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://localhost/upload", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    await expect(readUpload(request, "file", 1024 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled).toBe(false);
  });

  it("explains a wrong field, a non-multipart body and a broken multipart body", async () => {
    await expect(readUpload(multipart(new Uint8Array([1]), "a.xlsx", "upload"), "file", 1024)).rejects.toThrow(/field named "file"/);
    await expect(readUpload(new Request("http://localhost", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), "file", 1024)).rejects.toThrow(/multipart/);
    await expect(
      readUpload(new Request("http://localhost", { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=zzz" } }), "file", 1024),
    ).rejects.toThrow(/not valid multipart/);
  });
});
