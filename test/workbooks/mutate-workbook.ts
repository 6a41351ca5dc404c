/**
 * fast-check mutations of a workbook file, for fuzzing the loader: package-level damage (parts dropped,
 * truncated, garbled, moved to unusual paths; relationships and content types pointing anywhere) and
 * byte-level damage of the file itself.
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

type Parts = Record<string, Uint8Array>;
type PartMutation = (parts: Parts, names: string[]) => void;

const pick = <T>(list: readonly T[], at: number): T | undefined => list[Math.floor(at * list.length) % Math.max(list.length, 1)];
const textParts = (names: string[]): string[] => names.filter((n) => /\.(xml|rels)$/i.test(n));

const odd = fc.constantFrom(
  "../../outside.xml",
  "/",
  "",
  "worksheets/missing.xml",
  "worksheets/sheet1.xml?x=1#frag",
  "%2e%2e/%2e%2e/x.xml",
  "http://example.com/x.xml",
  "/xl/worksheets/sheet1.xml",
  "../xl/workbook.xml",
  "worksheets\\sheet1.xml",
  "a/b/c/d/e/f/g/h/i/j/k/l.xml",
);

const partMutation: fc.Arbitrary<PartMutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at): PartMutation => (parts, names) => {
    const name = pick(names, at);
    if (name) delete parts[name];
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([at, keep]): PartMutation => (parts, names) => {
    const name = pick(names, at);
    if (name) parts[name] = (parts[name] as Uint8Array).subarray(0, Math.floor(keep * (parts[name] as Uint8Array).length));
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ maxLength: 64 })).map(([at, bytes]): PartMutation => (parts, names) => {
    const name = pick(names, at);
    if (name) parts[name] = bytes;
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 12 })).map(([at, where, text]): PartMutation => (parts, names) => {
    const name = pick(textParts(names), at);
    if (!name) return;
    const xml = strFromU8(parts[name] as Uint8Array);
    const cut = Math.floor(where * xml.length);
    parts[name] = strToU8(xml.slice(0, cut) + text + xml.slice(cut + text.length));
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("data/x.xml", "Moved/Sheet 1.XML", "deep/a/b/c/part.xml", "xl/worksheets/sheet2.xml", "[trash]/p.xml")).map(
    ([at, to]): PartMutation =>
      (parts, names) => {
        const name = pick(names, at);
        if (!name) return;
        parts[to] = parts[name] as Uint8Array;
        delete parts[name];
      },
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), odd, fc.boolean()).map(([at, target, external]): PartMutation => (parts, names) => {
    const name = pick(names.filter((n) => n.endsWith(".rels")), at);
    if (!name) return;
    const xml = strFromU8(parts[name] as Uint8Array).replace(/Target="[^"]*"/, `Target="${target}"${external ? ' TargetMode="External"' : ""}`);
    parts[name] = strToU8(xml);
  }),
  fc.constantFrom<PartMutation>(
    (parts) => {
      const ct = parts["[Content_Types].xml"];
      if (ct) parts["[Content_Types].xml"] = strToU8(strFromU8(ct).replace(/<Override[^>]*>/g, ""));
    },
    (parts) => {
      const ct = parts["[Content_Types].xml"];
      if (ct) parts["[Content_Types].xml"] = strToU8(strFromU8(ct).replace(/spreadsheetml\.worksheet\+xml/g, "wordprocessingml.document.main+xml"));
    },
    (parts) => {
      for (const name of Object.keys(parts)) if (/sheet\d*\.xml$/.test(name)) parts[name] = strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    },
    (parts) => {
      for (const name of Object.keys(parts)) if (/workbook\.xml$/.test(name)) parts[name] = strToU8(strFromU8(parts[name] as Uint8Array).replace(/r:id="[^"]*"/g, 'r:id="rId999"'));
    },
    (parts) => {
      for (const name of Object.keys(parts)) if (/workbook\.xml$/.test(name)) parts[name] = strToU8(strFromU8(parts[name] as Uint8Array).replace(/<definedName[^>]*>[^<]*</g, '<definedName name="Bad">Sheet9!$A$1:#REF!<'));
    },
  ),
);

/** A zipped workbook with up to `max` package-level mutations applied (the file stays a valid ZIP). */
export function mutatedPackage(bytes: Uint8Array, max = 3): fc.Arbitrary<Uint8Array> {
  return fc.array(partMutation, { minLength: 1, maxLength: max }).map((mutations) => {
    const parts: Parts = { ...unzipSync(bytes) };
    for (const mutate of mutations) mutate(parts, Object.keys(parts).sort());
    return zipSync(parts);
  });
}

/** Byte-level damage of any file: truncation, flipped bytes, a zeroed range. */
export function mutatedBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const at = fc.double({ min: 0, max: 1, noNaN: true }).map((f) => Math.floor(f * bytes.length));
  return fc.oneof(
    at.map((cut) => bytes.slice(0, cut)),
    fc.array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }).map((flips) => {
      const out = bytes.slice();
      for (const [i, value] of flips) out[i] = value;
      return out;
    }),
    fc.tuple(at, fc.integer({ min: 1, max: 512 })).map(([start, length]) => {
      const out = bytes.slice();
      out.fill(0, start, start + length);
      return out;
    }),
  );
}
