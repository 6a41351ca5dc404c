/**
 * The entries of a ZIP archive, read from its central directory (PKWARE APPNOTE 4.3.12-4.3.16, with ZIP64
 * sizes and offsets). Nothing is inflated here; every offset and size is checked against the file.
 */
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";

export interface ZipEntry {
  /** Item name as stored, with `\` read as `/` (some writers use it). */
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  readonly method: number;
  readonly flags: number;
  /** Bytes of packed data at `dataOffset` (checked to lie inside the file). */
  readonly compressedSize: number;
  /** What the directory says the entry inflates to. Never trusted: the guard counts real bytes. */
  readonly declaredSize: number;
  readonly dataOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export function damaged(why: string): WorkbookLoadError {
  return new WorkbookLoadError("corrupt", `The file is damaged or incomplete (${why}); save it again from Excel and retry.`);
}

function uint64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  throw damaged("no zip directory");
}

/** Entry count and directory position, from the ZIP64 record when the classic one is saturated. */
function directoryBounds(view: DataView, eocd: number): { count: number; offset: number; size: number } {
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === MAX32 || offset === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = uint64(view, eocd - 12);
    if (record + 56 > eocd || view.getUint32(record, true) !== ZIP64_EOCD) throw damaged("bad ZIP64 directory record");
    count = uint64(view, record + 32);
    size = uint64(view, record + 40);
    offset = uint64(view, record + 48);
  }
  if (offset + size > view.byteLength) throw damaged("zip directory out of bounds");
  return { count, offset, size };
}

/** ZIP64 extended information (header 0x0001): 8-byte values for each field saturated in the directory. */
function zip64Fields(view: DataView, start: number, end: number, saturated: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let field = at + 4; field + 8 <= Math.min(end, at + 4 + length); field += 8) values.push(uint64(view, field));
      let k = 0;
      if (saturated.size) out.size = values[k++];
      if (saturated.compressed) out.compressed = values[k++];
      if (saturated.offset) out.offset = values[k++];
      return out;
    }
    at += 4 + length;
  }
  return out;
}

export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.byteLength < 22) throw damaged("too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, offset: directory } = directoryBounds(view, findEndOfCentralDirectory(view));
  if (count > maxEntries) throw new WorkbookLoadError("too_large", `The file has ${count} parts, more than the ${maxEntries} a workbook may have.`);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw damaged("bad zip directory entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const next = at + 46 + nameLength + extraLength + view.getUint16(at + 32, true);
    if (next > bytes.byteLength) throw damaged("bad zip directory entry");
    let compressedSize = view.getUint32(at + 20, true);
    let declaredSize = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    const saturated = { size: declaredSize === MAX32, compressed: compressedSize === MAX32, offset: localOffset === MAX32 };
    if (saturated.size || saturated.compressed || saturated.offset) {
      const wide = zip64Fields(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, saturated);
      declaredSize = wide.size ?? declaredSize;
      compressedSize = wide.compressed ?? compressedSize;
      localOffset = wide.offset ?? localOffset;
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replaceAll("\\", "/");
    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL) throw damaged(`no local header for ${name}`);
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.byteLength) throw damaged(`truncated at ${name}`);
    if (!name.endsWith("/")) {
      entries.push({ name, method: view.getUint16(at + 10, true), flags: view.getUint16(at + 8, true), compressedSize, declaredSize, dataOffset });
    }
    at = next;
  }
  return entries;
}
