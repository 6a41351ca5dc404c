import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, type ToolCategory } from "@/server/tools/tool";
import { ToolRegistry, type Embedder, type ToolCallRecord } from "@/server/tools/tool-registry";
import { toolNameFor } from "@/server/tools/tool-name";

const context = { organisationId: "org-1" };

function loanTool() {
  return defineTool({
    id: "workbook.loan",
    name: "Loan calculator",
    description: "Monthly payment and total interest of a loan from its rate, term and principal.",
    category: "model",
    inputSchema: z.object({ rate: z.number().min(0), years: z.number().int().positive(), principal: z.number().positive() }),
    outputSchema: z.object({ payment: z.number() }),
    execute: async ({ rate, years, principal }) => {
      const r = rate / 12;
      const n = years * 12;
      return { payment: r === 0 ? principal / n : (principal * r) / (1 - (1 + r) ** -n) };
    },
  });
}

function simpleTool(id: string, description: string, category: ToolCategory = "connector") {
  return defineTool({
    id,
    name: id,
    description,
    category,
    inputSchema: z.object({}),
    outputSchema: z.object({ ok: z.boolean() }),
    execute: async () => ({ ok: true }),
  });
}

describe("ToolRegistry.execute", () => {
  it("validates input, runs the tool and records the call", async () => {
    const calls: ToolCallRecord[] = [];
    const registry = new ToolRegistry({ record: (call) => void calls.push(call) });
    registry.register(loanTool());
    const output = (await registry.execute("workbook.loan", { rate: 0.06, years: 30, principal: 200_000 }, context)) as { payment: number };
    expect(output.payment).toBeCloseTo(1199.1, 1);
    expect(calls).toEqual([expect.objectContaining({ toolId: "workbook.loan", status: "succeeded", organisationId: "org-1" })]);
  });

  it("refuses invalid input without running the tool, naming the field", async () => {
    let ran = false;
    const registry = new ToolRegistry();
    registry.register({ ...loanTool(), execute: async () => ((ran = true), { payment: 0 }) });
    await expect(registry.execute("workbook.loan", { rate: "six", years: 30, principal: 1 }, context)).rejects.toMatchObject({
      kind: "invalid_input",
      message: expect.stringContaining("rate"),
    });
    expect(ran).toBe(false);
  });

  it("refuses an output that breaks the tool's schema", async () => {
    const registry = new ToolRegistry();
    registry.register({ ...simpleTool("bad", "returns nonsense"), execute: async () => ({ ok: "yes" }) as never });
    await expect(registry.execute("bad", {}, context)).rejects.toMatchObject({ kind: "invalid_output" });
  });

  it("aborts a tool that overruns its timeout and tells it through the signal", async () => {
    let sawAbort = false;
    const calls: ToolCallRecord[] = [];
    const registry = new ToolRegistry({ record: (call) => void calls.push(call) });
    registry.register({
      ...simpleTool("slow", "takes forever"),
      timeoutMs: 50,
      execute: ({}, { signal }) =>
        new Promise((resolve) => {
          signal.addEventListener("abort", () => {
            sawAbort = true;
          });
          setTimeout(() => resolve({ ok: true }), 5_000).unref();
        }),
    });
    await expect(registry.execute("slow", {}, context)).rejects.toMatchObject({ kind: "timeout" });
    expect(sawAbort).toBe(true);
    expect(calls[0]).toMatchObject({ status: "failed", failure: "timeout" });
    expect(calls[0]?.durationMs).toBeGreaterThanOrEqual(45);
  });

  it("stops when the caller cancels", async () => {
    const registry = new ToolRegistry();
    registry.register({ ...simpleTool("wait", "waits"), execute: () => new Promise(() => undefined) });
    const controller = new AbortController();
    const pending = registry.execute("wait", {}, { ...context, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("reports unknown tools and tool exceptions as typed failures", async () => {
    const registry = new ToolRegistry();
    registry.register({ ...simpleTool("boom", "fails"), execute: async () => Promise.reject(new Error("upstream 500")) });
    await expect(registry.execute("nope", {}, context)).rejects.toMatchObject({ kind: "not_found" });
    await expect(registry.execute("boom", {}, context)).rejects.toMatchObject({ kind: "error", message: "upstream 500" });
  });

  it("refuses two tools with one id", () => {
    const registry = new ToolRegistry();
    registry.register(loanTool());
    expect(() => registry.register(loanTool())).toThrow(/already registered/);
  });
});

describe("ToolRegistry.discover", () => {
  function registryWith(embedder?: Embedder) {
    const registry = new ToolRegistry({ embedder });
    registry.register(loanTool());
    registry.register(simpleTool("salesforce.query", "Query Salesforce records such as accounts, contacts and opportunities"));
    registry.register(simpleTool("salesforce.update", "Update a Salesforce record's fields"));
    registry.register(simpleTool("excel.transform", "Turn an Excel workbook into a web app", "transformer"));
    for (let i = 0; i < 6; i += 1) registry.register(simpleTool(`misc.${i}`, `Unrelated utility number ${i} for calendars`));
    return registry;
  }

  it("ranks lexically (BM25) when no embedder is configured, at most five", async () => {
    const registry = registryWith();
    const ranked = await registry.discover("what is the monthly payment on my loan?");
    expect(ranked[0]?.id).toBe("workbook.loan");
    expect((await registry.discover("salesforce opportunities")).map((tool) => tool.id)[0]).toBe("salesforce.query");
    expect((await registry.discover("calendars utility")).length).toBe(5);
    expect(await registry.discover("zzz qqq")).toEqual([]);
  });

  it("exports the input schema as JSON Schema for the model", async () => {
    const [loan] = await registryWith().discover("loan payment");
    expect(loan?.inputJsonSchema).toMatchObject({ type: "object", required: ["rate", "years", "principal"] });
  });

  it("ranks by embedding similarity and embeds each tool once", async () => {
    let embedded = 0;
    const vocabulary = ["loan", "salesforce", "excel", "calendar"];
    const embedder: Embedder = {
      id: "fake",
      embed: async (texts) => {
        embedded += texts.length;
        return texts.map((text) => vocabulary.map((word) => (text.toLowerCase().includes(word) ? 1 : 0.01)));
      },
    };
    const registry = registryWith(embedder);
    expect((await registry.discover("excel"))[0]?.id).toBe("excel.transform");
    const afterFirst = embedded;
    expect((await registry.discover("salesforce"))[0]?.id).toMatch(/^salesforce\./);
    expect(embedded).toBe(afterFirst + 1);
  });
});

describe("ToolRegistry.resolve", () => {
  it("finds a tool by its registry id or by the function name models are offered, with its own flags", () => {
    const registry = new ToolRegistry();
    registry.register({ ...simpleTool("salesforce.delete_record", "Delete a record"), destructive: true });
    registry.register(simpleTool("salesforce.query", "Query records"));
    for (const name of ["salesforce.delete_record", toolNameFor("salesforce.delete_record")]) {
      expect(registry.resolve(name)).toMatchObject({ id: "salesforce.delete_record", destructive: true });
    }
    expect(registry.resolve("salesforce_query")).toMatchObject({ id: "salesforce.query", destructive: false });
    expect(registry.resolve("salesforce.delete")).toBeUndefined();
    registry.unregister("salesforce.delete_record");
    expect(registry.resolve("salesforce_delete_record")).toBeUndefined();
  });

  it("refuses a tool whose id or function name already names another tool, so every name means one tool", () => {
    const registry = new ToolRegistry();
    registry.register(simpleTool("crm.delete", "Delete"));
    expect(() => registry.register(simpleTool("crm_delete", "Another"))).toThrow(/"crm_delete", which already names tool crm\.delete/);
    expect(() => registry.register(simpleTool("crm-delete", "Distinct"))).not.toThrow();
    expect(() => registry.register(simpleTool(`x.${"a".repeat(70)}`, "Long"))).not.toThrow();
    expect(() => registry.register(simpleTool(`x_${"a".repeat(70)}`, "Truncated alike"))).toThrow(/already names tool/);
  });
});
