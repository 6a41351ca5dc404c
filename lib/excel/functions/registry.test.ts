import { describe, expect, it } from "vitest";
import { buildRegistry, FUNCTIONS } from "@/lib/excel/functions/registry";
import type { FunctionSpec } from "@/lib/excel/functions/types";

const spec = (name: string): FunctionSpec => ({ name, minArgs: 0, maxArgs: 0, args: [], impl: () => 0 });

describe("function registry", () => {
  it("rejects a function declared twice", () => {
    expect(() => buildRegistry([[spec("FOO")], [spec("BAR"), spec("FOO")]])).toThrow(/FOO is declared twice/);
  });

  it("holds every family under upper-case names without prefixes", () => {
    expect(FUNCTIONS.get("LAMBDA")).toBeDefined();
    // The trim-reference operators keep the internal names Excel stores them under.
    for (const name of FUNCTIONS.keys()) expect(name).toMatch(/^(?:[A-Z][A-Z0-9.]*|_TRO_(?:ALL|LEADING|TRAILING))$/);
  });

  it("declares consistent arities", () => {
    for (const spec of FUNCTIONS.values()) expect(spec.minArgs, spec.name).toBeLessThanOrEqual(spec.maxArgs);
  });
});
