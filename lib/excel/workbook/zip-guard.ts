/**
 * Checks a zip container before anything inflates it: reads the central directory and refuses archives
 * whose declared uncompressed size (or entry count, or compression ratio) is beyond the caps, and
 * archives too damaged to have a readable central directory.
 */
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";

export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  /** Per-entry uncompressed/compressed ratio above which an entry is taken for a bomb. */
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxEntries: 10_000, maxRatio: 1000 };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

export interface ZipSummary {
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly names: string[];
}

export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string): never => {
    throw new WorkbookLoadError("corrupt", `The file is damaged or incomplete (${why}); save it again from Excel and retry.`);
  };
  if (bytes.byteLength < 22) corrupt("too short");
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) corrupt("no zip directory");
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new WorkbookLoadError("too_large", "The file is a ZIP64 archive, which is larger than workbooks this tool accepts.");
  }
  if (count > limits.maxEntries) throw new WorkbookLoadError("too_large", `The file has ${count} parts, more than ${limits.maxEntries}.`);
  if (directoryOffset + directorySize > eocd) corrupt("zip directory out of bounds");
  let offset = directoryOffset;
  let total = 0;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) corrupt("bad zip directory entry");
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      throw new WorkbookLoadError("too_large", "The file has a part too large for this tool.");
    }
    if (localOffset + compressed > bytes.byteLength) corrupt("truncated");
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      throw new WorkbookLoadError("too_large", "The file expands to an implausible size (a zip bomb?); it was not opened.");
    }
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      const mb = Math.round(limits.maxUncompressedBytes / 1024 / 1024);
      throw new WorkbookLoadError("too_large", `The workbook expands to more than ${mb} MB; split it into smaller files.`);
    }
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries: count, uncompressedBytes: total, names };
}
