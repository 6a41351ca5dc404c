import type { z } from "zod";

export const TOOL_CATEGORIES = ["connector", "workflow", "transformer", "model"] as const;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

export interface ToolContext {
  /** Aborted when the tool's timeout passes or the run is cancelled; long work must watch it. */
  signal: AbortSignal;
  organisationId: string;
  userId?: string;
  runId?: string;
}

/** A tool the agent can call. Input and output are validated against their zod schemas on every call. */
export interface Tool<Input = unknown, Output = unknown> {
  /** Stable id, e.g. `excel.transform` or `workbook.<id>`; unique within an organisation's registry. */
  id: string;
  name: string;
  description: string;
  category: ToolCategory;
  inputSchema: z.ZodType<Input>;
  outputSchema: z.ZodType<Output>;
  /** Estimated cost of one call in USD (external API charges), recorded with each call. */
  costUsd: number;
  timeoutMs: number;
  /** Destructive tools change data outside Candlefish; the agent asks the user before running them. */
  destructive: boolean;
  execute(input: Input, context: ToolContext): Promise<Output>;
}

export function defineTool<Input, Output>(
  tool: Omit<Tool<Input, Output>, "costUsd" | "timeoutMs" | "destructive"> & Partial<Pick<Tool, "costUsd" | "timeoutMs" | "destructive">>,
): Tool<Input, Output> {
  return { costUsd: 0, timeoutMs: 30_000, destructive: false, ...tool };
}
