import { z } from "zod";
import { rankBm25 } from "@/server/tools/bm25";
import type { Tool, ToolContext } from "@/server/tools/tool";
import { ToolCallError } from "@/server/tools/tool-errors";
import { toolNameFor } from "@/server/tools/tool-name";

/** Turns texts into vectors (the configured provider's embeddings). */
export interface Embedder {
  readonly id: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface ToolCallRecord {
  toolId: string;
  organisationId: string;
  runId?: string;
  status: "succeeded" | "failed";
  failure?: ToolCallError["kind"];
  error?: string;
  durationMs: number;
  costUsd: number;
}

export interface ToolSummary {
  id: string;
  name: string;
  description: string;
  category: Tool["category"];
  destructive: boolean;
  /** JSON Schema of the input, for the model. */
  inputJsonSchema: Record<string, unknown>;
}

/**
 * One organisation's tools: registration, discovery (embeddings when an embedder is configured, BM25
 * otherwise) and validated, time-limited execution whose every call is recorded.
 */
export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();
  /** Every name a model may use for a tool (its id and its function name), each naming exactly one tool. */
  private readonly names = new Map<string, Tool>();
  private readonly embeddingCache = new Map<string, number[]>();

  constructor(
    private readonly options: { embedder?: Embedder; record?: (call: ToolCallRecord) => Promise<void> | void } = {},
  ) {}

  register<Input, Output>(tool: Tool<Input, Output>): void {
    if (this.tools.has(tool.id)) throw new Error(`tool ${tool.id} is already registered`);
    for (const name of namesOf(tool)) {
      const taken = this.names.get(name);
      if (taken) throw new Error(`tool ${tool.id} would be called "${name}", which already names tool ${taken.id}`);
    }
    this.tools.set(tool.id, tool as unknown as Tool);
    for (const name of namesOf(tool)) this.names.set(name, tool as unknown as Tool);
  }

  unregister(id: string): void {
    const tool = this.tools.get(id);
    if (!tool) return;
    this.tools.delete(id);
    for (const name of namesOf(tool)) this.names.delete(name);
  }

  get(id: string): Tool | undefined {
    return this.tools.get(id);
  }

  /**
   * The tool a model means by `name`, whichever name it used: the registry id (`salesforce.delete_record`) or
   * the function name it was offered (`salesforce_delete_record`). Everything about a call (which tool, whether
   * it is destructive) is read from the tool this returns, never from the name.
   */
  resolve(name: string): Tool | undefined {
    return this.names.get(name);
  }

  list(): ToolSummary[] {
    return [...this.tools.values()].map(summarise);
  }

  /** The `limit` tools most relevant to `query`, best first; tools with no relevance at all are left out. */
  async discover(query: string, limit = 5): Promise<ToolSummary[]> {
    const tools = [...this.tools.values()];
    if (tools.length === 0) return [];
    const scores = this.options.embedder ? await this.embeddingScores(query, tools, this.options.embedder) : rankBm25(query, tools.map(searchText));
    return tools
      .map((tool, index) => ({ tool, score: scores[index] ?? 0 }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((entry) => summarise(entry.tool));
  }

  async execute(id: string, input: unknown, context: Omit<ToolContext, "signal"> & { signal?: AbortSignal }): Promise<unknown> {
    const tool = this.tools.get(id);
    if (!tool) throw new ToolCallError("not_found", id, `There is no tool called ${id}.`);
    const started = performance.now();
    const record = (status: ToolCallRecord["status"], error?: ToolCallError) =>
      this.options.record?.({
        toolId: id,
        organisationId: context.organisationId,
        runId: context.runId,
        status,
        failure: error?.kind,
        error: error?.message,
        durationMs: Math.round(performance.now() - started),
        costUsd: tool.costUsd,
      });
    try {
      const output = await runValidated(tool, input, context);
      await record("succeeded");
      return output;
    } catch (error) {
      const failure = error instanceof ToolCallError ? error : new ToolCallError("error", id, errorMessage(error), { cause: error });
      await record("failed", failure);
      throw failure;
    }
  }

  private async embeddingScores(query: string, tools: Tool[], embedder: Embedder): Promise<number[]> {
    const missing = tools.filter((tool) => !this.embeddingCache.has(cacheKey(embedder, tool)));
    if (missing.length > 0) {
      const vectors = await embedder.embed(missing.map(searchText));
      missing.forEach((tool, index) => this.embeddingCache.set(cacheKey(embedder, tool), vectors[index] ?? []));
    }
    const [queryVector = []] = await embedder.embed([query]);
    return tools.map((tool) => cosine(queryVector, this.embeddingCache.get(cacheKey(embedder, tool)) ?? []));
  }
}

async function runValidated(tool: Tool, input: unknown, context: Omit<ToolContext, "signal"> & { signal?: AbortSignal }) {
  const parsedInput = tool.inputSchema.safeParse(input);
  if (!parsedInput.success) {
    throw new ToolCallError("invalid_input", tool.id, `Invalid input for ${tool.name}: ${z.prettifyError(parsedInput.error)}`);
  }
  const timeout = AbortSignal.timeout(tool.timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  const output = await new Promise<unknown>((resolve, reject) => {
    const onAbort = () =>
      reject(
        timeout.aborted
          ? new ToolCallError("timeout", tool.id, `${tool.name} did not finish within ${tool.timeoutMs} ms.`)
          : new ToolCallError("cancelled", tool.id, `${tool.name} was cancelled.`),
      );
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    tool.execute(parsedInput.data, { ...context, signal }).then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
  const parsedOutput = tool.outputSchema.safeParse(output);
  if (!parsedOutput.success) {
    throw new ToolCallError("invalid_output", tool.id, `${tool.name} returned an invalid result: ${z.prettifyError(parsedOutput.error)}`);
  }
  return parsedOutput.data;
}

function namesOf(tool: Pick<Tool, "id">): Set<string> {
  return new Set([tool.id, toolNameFor(tool.id)]);
}

function summarise(tool: Tool): ToolSummary {
  const { $schema: _schema, ...inputJsonSchema } = z.toJSONSchema(tool.inputSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { id: tool.id, name: tool.name, description: tool.description, category: tool.category, destructive: tool.destructive, inputJsonSchema };
}

function searchText(tool: Tool): string {
  return `${tool.name} ${tool.name} ${tool.description} ${tool.category}`;
}

function cacheKey(embedder: Embedder, tool: Tool): string {
  return `${embedder.id}\u0000${tool.id}\u0000${searchText(tool)}`;
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    normA += (a[i] ?? 0) ** 2;
    normB += (b[i] ?? 0) ** 2;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
