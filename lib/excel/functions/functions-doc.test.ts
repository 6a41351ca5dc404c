/** docs/functions.md accounts for every Excel function: implemented (registered) or listed with a reason. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import { EXCEL_FUNCTION_NAMES } from "@/test/excel/excel-function-names";

const doc = readFileSync(join(__dirname, "../../../docs/functions.md"), "utf8");
const [implementedPart = "", notImplementedPart = ""] = doc.split(/^## Not implemented.*$/m);
const [listed = "", parserPart = ""] = implementedPart.split(/^### Forms the parser.*$/m);
const namesIn = (text: string): Set<string> => new Set([...text.matchAll(/`([A-Z_][A-Z0-9._]*)`/g)].map((m) => m[1] ?? ""));
const implemented = namesIn(listed);
const parserForms = namesIn(parserPart);
const notImplemented = new Map([...notImplementedPart.matchAll(/^\| `([A-Z0-9.]+)` \| [^|]+ \| ([^|]*) \|$/gm)].map((m) => [m[1] ?? "", (m[2] ?? "").trim()]));

describe("docs/functions.md", () => {
  it("lists exactly the registered functions as implemented", () => {
    const registered = [...FUNCTIONS.keys()].filter((name) => !name.startsWith("_"));
    expect([...implemented].sort()).toEqual(registered.sort());
  });

  it("gives a reason for every function it does not implement, none of them registered", () => {
    expect(notImplemented.size).toBeGreaterThan(0);
    for (const [name, reason] of notImplemented) {
      expect(FUNCTIONS.has(name), name).toBe(false);
      expect(reason.length, name).toBeGreaterThan(10);
    }
  });

  it("accounts for every name in Excel's function list", () => {
    const unaccounted = EXCEL_FUNCTION_NAMES.filter((name) => !implemented.has(name) && !notImplemented.has(name) && !parserForms.has(name));
    expect(unaccounted).toEqual([]);
  });

  it("names the internal forms the parser produces", () => {
    for (const name of FUNCTIONS.keys()) if (name.startsWith("_")) expect(parserForms.has(name), name).toBe(true);
    expect(parserForms.has("ANCHORARRAY")).toBe(true);
  });
});
