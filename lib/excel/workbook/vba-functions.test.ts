import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { decompressVba, readVbaFunctions } from "@/lib/excel/workbook/vba-functions";

/** An MS-OVBA container holding `text` as literal tokens only (a flag byte of 0 before every 8 bytes). */
function literalContainer(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  const body: number[] = [];
  for (let i = 0; i < bytes.length; i += 8) body.push(0, ...bytes.slice(i, i + 8));
  const header = 0xb000 | (body.length + 2 - 3);
  return [1, header & 0xff, header >> 8, ...body];
}

function vbaProject(modules: Record<string, string>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, source] of Object.entries(modules)) {
    const performanceCache = [0x01, 0x30, 0x01, 0x99, 0x42];
    XLSX.CFB.utils.cfb_add(cfb, `VBA/${name}`, Uint8Array.from([...performanceCache, ...literalContainer(source)]) as never);
  }
  XLSX.CFB.utils.cfb_add(cfb, "VBA/dir", Uint8Array.from([1, 2, 3]) as never);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" } as never) as ArrayBuffer);
}

describe("decompressVba", () => {
  it("expands literal and copy tokens", () => {
    // "abc", then a copy token (offset 3, length 6): 0x2003 with 4 offset bits at position 3.
    const container = [1, 0x07, 0xb0, 0b00001000, 0x61, 0x62, 0x63, 0x03, 0x20];
    expect(decompressVba(Uint8Array.from(container), 0)).toBe("abcabcabc");
  });

  it("is undefined where no container starts", () => {
    expect(decompressVba(Uint8Array.from([0, 1, 2]), 0)).toBeUndefined();
  });
});

describe("readVbaFunctions", () => {
  it("lists public Function procedures of the modules, not Subs or Private functions", () => {
    const source = [
      'Attribute VB_Name = "Module1"',
      "Public Function SRound(x As Double) As Double",
      "  SRound = CLng(x)",
      "End Function",
      "Function tround(x)",
      "End Function",
      "Private Function Helper(x)",
      "End Function",
      "Sub Macro1()",
      "End Sub",
    ].join("\r\n");
    expect(readVbaFunctions(vbaProject({ Module1: source }))).toEqual(["SROUND", "TROUND"]);
  });

  it("is empty for bytes that are not a VBA project", () => {
    expect(readVbaFunctions(Uint8Array.from([1, 2, 3, 4]))).toEqual([]);
  });
});
