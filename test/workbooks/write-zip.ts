import { constants, crc32, deflateRawSync } from "node:zlib";

/** One entry of a ZIP archive written by `writeZip`. */
export interface ZipInput {
  readonly name: string;
  /** The entry's content; deflated unless `store` is set. */
  readonly content?: Uint8Array | string;
  /** Raw deflate data written as is (a crafted stream); the CRC is then written as 0. */
  readonly deflated?: Uint8Array;
  readonly store?: boolean;
  /** The uncompressed size to declare instead of the real one (zip bombs declare 0). */
  readonly declaredSize?: number;
}

/**
 * A deflate stream of `bytes` zero bytes, built by repeating one fully-flushed 1 MiB block (about 1 KiB
 * each) so a test can make a 100 MB+ bomb without holding the 100 MB: the ratio is deflate's ~1000:1.
 */
export function zeroBomb(bytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.ceil(bytes / (1 << 20));
  const out = new Uint8Array(block.length * count + 2);
  for (let i = 0; i < count; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * count); // a final, empty fixed-Huffman block
  return out;
}

/** A ZIP archive (PKWARE APPNOTE 4.3) whose headers say what the entries declare, true or not. */
export function writeZip(entries: readonly ZipInput[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : Buffer.from(entry.content ?? new Uint8Array(0));
    const data = entry.deflated ? Buffer.from(entry.deflated) : entry.store ? raw : deflateRawSync(raw);
    const method = entry.store && !entry.deflated ? 0 : 8;
    const crc = entry.deflated ? 0 : crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
