/**
 * Inflates ZIP entries while counting the real bytes they produce, and refuses an archive the moment it
 * passes a cap: total bytes, bytes of one entry, or the inflated/packed ratio of an entry or of the whole
 * file. The sizes an archive declares are never trusted (a zip bomb declares 0), and packed data is fed to
 * the inflater in small slices, so at most one slice's output (INPUT_SLICE x 1032, deflate's largest
 * ratio) is held beyond a cap before the refusal.
 */
import { Inflate } from "fflate";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { damaged, type ZipEntry } from "@/lib/excel/workbook/zip-directory";

export interface ZipLimits {
  /** Real (inflated) bytes of every entry read, together. */
  readonly maxUncompressedBytes: number;
  /** Real bytes of any one entry. */
  readonly maxEntryBytes: number;
  readonly maxEntries: number;
  /** Inflated/packed ratio beyond which an entry, or the archive, is taken for a bomb (checked past 1 MB). */
  readonly maxRatio: number;
}

/**
 * Real workbooks reach a ratio of about 120 on one part and 70 on a whole file (Apache POI refuses past
 * 100); deflate's own limit is about 1032, which only long runs of identical bytes approach.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 250,
};

/** Packed bytes handed to the inflater at a time. */
export const INPUT_SLICE = 8 * 1024;
const RATIO_FLOOR = 1024 * 1024;

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** The running count of real bytes inflated from one archive; readable after a refusal, for tests. */
export class InflateBudget {
  inflated = 0;

  constructor(
    readonly limits: ZipLimits,
    private readonly archiveBytes: number,
  ) {}

  /** Counts `produced` more bytes of `entry`, which has inflated to `entryTotal` so far. */
  count(entry: ZipEntry, entryTotal: number, produced: number): void {
    this.inflated += produced;
    const { maxUncompressedBytes, maxEntryBytes, maxRatio } = this.limits;
    if (this.inflated > maxUncompressedBytes) {
      throw new WorkbookLoadError("too_large", `The workbook expands to more than ${mb(maxUncompressedBytes)} MB when unpacked; split it into smaller files.`);
    }
    if (entryTotal > maxEntryBytes) {
      throw new WorkbookLoadError("too_large", `The part ${entry.name} expands to more than ${mb(maxEntryBytes)} MB; split the workbook into smaller files.`);
    }
    const entryBomb = entryTotal > RATIO_FLOOR && entryTotal > Math.max(entry.compressedSize, 1) * maxRatio;
    const archiveBomb = this.inflated > RATIO_FLOOR && this.inflated > this.archiveBytes * maxRatio;
    if (entryBomb || archiveBomb) {
      throw new WorkbookLoadError("too_large", `The file expands more than ${maxRatio} times its packed size (a zip bomb?); it was not opened.`);
    }
  }
}

/** A byte buffer that grows by doubling, starting from a size the entry's declared size suggests. */
class GrowingBuffer {
  private buffer: Uint8Array;
  length = 0;

  constructor(initial: number) {
    this.buffer = new Uint8Array(Math.max(initial, 1024));
  }

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      next.set(this.buffer.subarray(0, this.length));
      this.buffer = next;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    return this.buffer.length === this.length ? this.buffer : this.buffer.slice(0, this.length);
  }
}

/** The entry's content, inflated within the budget. */
export function inflateEntry(archive: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & 0x1) throw new WorkbookLoadError("unsupported_format", `The part ${entry.name} is encrypted with ZIP encryption, which workbooks do not use.`);
  const packed = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    budget.count(entry, packed.length, packed.length);
    return packed;
  }
  if (entry.method !== 8) throw new WorkbookLoadError("unsupported_format", `The part ${entry.name} uses ZIP compression method ${entry.method}, which workbooks do not use.`);
  const { maxEntryBytes, maxRatio } = budget.limits;
  const sink = new GrowingBuffer(Math.min(entry.declaredSize, maxEntryBytes, Math.max(entry.compressedSize, 1) * maxRatio));
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    budget.count(entry, total, chunk.length);
    sink.append(chunk);
  });
  try {
    for (let at = 0; at < packed.length; at += INPUT_SLICE) inflater.push(packed.subarray(at, at + INPUT_SLICE), at + INPUT_SLICE >= packed.length);
  } catch (error) {
    if (error instanceof WorkbookLoadError) throw error;
    throw damaged(`the part ${entry.name} does not unpack: ${error instanceof Error ? error.message : String(error)}`);
  }
  return sink.bytes();
}
