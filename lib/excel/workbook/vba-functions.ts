/**
 * The public Function procedures of a workbook's VBA project (xl/vbaProject.bin): user-defined functions
 * formulas may call. Their results come from macro code, not from cells. Module source is stored with
 * MS-OVBA run-length compression; we locate each module's compressed container and decompress it.
 */
import * as XLSX from "@e965/xlsx";

const MAX_SOURCE = 4 * 1024 * 1024;

function text(bytes: number[]): string {
  return new TextDecoder("windows-1252").decode(Uint8Array.from(bytes.slice(0, MAX_SOURCE)));
}

/** MS-OVBA 2.4.1 decompression of the container starting at `start`; undefined when it is not one. */
export function decompressVba(data: Uint8Array, start: number): string | undefined {
  if (data[start] !== 1) return undefined;
  const out: number[] = [];
  let pos = start + 1;
  while (pos + 1 < data.length) {
    const header = (data[pos] as number) | ((data[pos + 1] as number) << 8);
    if (((header >> 12) & 0x7) !== 0b011) return out.length > 0 ? text(out) : undefined;
    const end = Math.min(data.length, pos + (header & 0x0fff) + 3);
    const chunkStart = out.length;
    pos += 2;
    if ((header & 0x8000) === 0) {
      for (; pos < end; pos++) out.push(data[pos] as number);
      continue;
    }
    while (pos < end) {
      const flags = data[pos++] as number;
      for (let bit = 0; bit < 8 && pos < end; bit++) {
        if ((flags & (1 << bit)) === 0) {
          out.push(data[pos++] as number);
          continue;
        }
        if (pos + 1 >= end) return undefined;
        const token = (data[pos] as number) | ((data[pos + 1] as number) << 8);
        pos += 2;
        const done = out.length - chunkStart;
        const bitCount = Math.max(Math.ceil(Math.log2(done)), 4);
        const length = (token & (0xffff >> bitCount)) + 3;
        const offset = (token >> (16 - bitCount)) + 1;
        if (offset > done) return undefined;
        for (let k = 0; k < length; k++) out.push(out[out.length - offset] as number);
      }
    }
    if (out.length > MAX_SOURCE) break;
  }
  return text(out);
}

/** The module source in a VBA module stream: the compressed container that decompresses to VB text. */
function moduleSource(stream: Uint8Array): string | undefined {
  for (let i = stream.length - 3; i >= 0; i--) {
    if (stream[i] !== 1 || ((stream[i + 2] as number) & 0x70) !== 0x30) continue;
    const text = decompressVba(stream, i);
    if (text?.startsWith("Attribute VB_Name")) return text;
  }
  return undefined;
}

/** Upper-case names of the public Function procedures in a vbaProject.bin. */
export function readVbaFunctions(project: Uint8Array): string[] {
  let cfb: ReturnType<typeof XLSX.CFB.read>;
  try {
    cfb = XLSX.CFB.read(project, { type: "array" } as never);
  } catch {
    return [];
  }
  const names = new Set<string>();
  cfb.FullPaths.forEach((path: string, i: number) => {
    const content = cfb.FileIndex[i]?.content;
    if (!/\/VBA\/[^/]+$/.test(path) || /\/(dir|_VBA_PROJECT|__SRP_\d+)$/i.test(path) || !content) return;
    const source = moduleSource(content instanceof Uint8Array ? content : new Uint8Array(content as ArrayLike<number>));
    if (!source) return;
    for (const m of source.matchAll(/^[ \t]*(?:Public[ \t]+)?(?:Static[ \t]+)?Function[ \t]+([A-Za-z][A-Za-z0-9_]*)/gim)) names.add((m[1] ?? "").toUpperCase());
  });
  return [...names].sort();
}
