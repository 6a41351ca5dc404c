import { describe, expect, it } from "vitest";
import { compileExpression, evaluateExpression } from "@/inngest/executor/expression";
import { parseTimeStringMs, resolveInstant } from "@/inngest/executor/duration";
import { canonicalJson } from "@/inngest/executor/signing";

describe("expressions (CEL subset)", () => {
  const scope = { event: { data: { id: "a", n: 3, nested: { flag: true } } }, async: { data: { id: "a", n: 5 } } };

  it("evaluates the comparisons the SDK generates for match and if", () => {
    expect(evaluateExpression("event.data.id == async.data.id", scope)).toBe(true);
    expect(evaluateExpression("event.data.n < async.data.n && event.data.nested.flag", scope)).toBe(true);
    expect(evaluateExpression("event.data['id'] != 'a' || !(async.data.n >= 5)", scope)).toBe(false);
    expect(evaluateExpression("event.data.function_id == 'app-fn'", { event: { data: { function_id: "app-fn" } } })).toBe(true);
    expect(evaluateExpression("event.data.n + 2 - 1", scope)).toBe(4);
  });

  it("treats missing fields as null instead of throwing", () => {
    expect(evaluateExpression("event.data.missing.deeper == null", scope)).toBe(true);
    expect(evaluateExpression("async.data.missing == event.data.missing", scope)).toBe(true);
  });

  it("reads own fields only, so JavaScript internals are missing fields", () => {
    expect(evaluateExpression("event.data.constructor == null && async.data.__proto__ == null", scope)).toBe(true);
    expect(evaluateExpression("event.data.__proto__ == async.data.__proto__", { event: { data: {} }, async: { data: { __proto__: 1 } } })).toBe(true);
    expect(evaluateExpression("constructor == null", scope)).toBe(true);
  });

  it("refuses syntax it does not implement", () => {
    expect(() => compileExpression("event.data.items.exists(x, x > 1)")).toThrow(/Unsupported expression/);
    expect(() => compileExpression("event.data.id ==")).toThrow(/Unsupported expression/);
    expect(() => compileExpression("size(event.data) ~ 2")).toThrow(/Unsupported expression/);
  });
});

describe("time strings", () => {
  it("parses Go-style durations and ISO dates", () => {
    expect(parseTimeStringMs("1h30m")).toBe(5_400_000);
    expect(parseTimeStringMs("250ms")).toBe(250);
    expect(parseTimeStringMs("1.5s")).toBe(1500);
    expect(parseTimeStringMs("2d")).toBe(172_800_000);
    expect(parseTimeStringMs("5 minutes")).toBeUndefined();
    const now = new Date("2026-01-01T00:00:00Z");
    expect(resolveInstant("1w", now).toISOString()).toBe("2026-01-08T00:00:00.000Z");
    expect(resolveInstant("2026-02-01T10:00:00Z", now).toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(() => resolveInstant("soon", now)).toThrow(/time string/);
  });
});

describe("canonical JSON", () => {
  it("sorts keys recursively and drops undefined, as RFC 8785 requires for signing", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x", null], c: undefined }, "é": true })).toBe('{"a":{"d":[1,"x",null]},"b":1,"é":true}');
  });
});
