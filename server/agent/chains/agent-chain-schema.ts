import { z } from "zod";
import { compileConditionPattern } from "@/server/agent/chains/compile-condition-pattern";

/**
 * An AgentChain: a declarative sequence of agent steps. Each step is a prompt the agent answers (with the
 * organisation's non-destructive tools) given the chain's input and every earlier step's result; a step runs
 * only when its `when` condition holds; when a step fails, the `onFailure` steps run instead of the rest.
 */
// No defaults or transforms here: the definition is also an Inngest event schema, whose input and output types must match.
const stepId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "Step ids are lower-case letters, digits, '-' and '_', starting with a letter.")
  .max(50);

export const CHAIN_STEP_STATUSES = ["succeeded", "failed", "skipped"] as const;
export type ChainStepStatus = (typeof CHAIN_STEP_STATUSES)[number];

/** A test on an earlier step's result; every given test must hold (`not` inverts the whole condition). */
export const chainConditionSchema = z
  .object({
    step: stepId,
    status: z.enum(CHAIN_STEP_STATUSES).optional(),
    contains: z.string().min(1).max(500).optional(),
    equals: z.string().max(2_000).optional(),
    /** A regular expression in RE2 syntax, matched case-insensitively in linear time (see compile-condition-pattern.ts). */
    matches: z
      .string()
      .min(1)
      .max(200)
      .superRefine((pattern, context) => {
        const compiled = compileConditionPattern(pattern);
        if (!compiled.ok) context.addIssue({ code: "custom", message: `Not a pattern a condition can use: ${compiled.reason}.` });
      })
      .optional(),
    not: z.boolean().optional(),
  })
  .strict();
export type ChainCondition = z.infer<typeof chainConditionSchema>;

export const chainStepSchema = z
  .object({
    id: stepId,
    prompt: z.string().trim().min(1).max(10_000),
    when: chainConditionSchema.optional(),
    /** A model name (`provider/model` or a known model); the routing policy decides when absent. */
    model: z.string().min(1).max(200).optional(),
    /** Offer the organisation's tools (default true; non-destructive ones only: a chain has no one to approve). */
    tools: z.boolean().optional(),
  })
  .strict();
export type ChainStep = z.infer<typeof chainStepSchema>;

export const agentChainSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    steps: z.array(chainStepSchema).min(1).max(20),
    onFailure: z.array(chainStepSchema).max(10).optional(),
  })
  .strict()
  .superRefine((chain, context) => {
    const seen = new Set<string>();
    for (const [branch, steps] of [["steps", chain.steps], ["onFailure", chain.onFailure ?? []]] as const) {
      steps.forEach((step, index) => {
        if (seen.has(step.id)) context.addIssue({ code: "custom", path: [branch, index, "id"], message: `Step id "${step.id}" is used twice.` });
        if (step.when && !seen.has(step.when.step)) {
          context.addIssue({ code: "custom", path: [branch, index, "when", "step"], message: `The condition refers to "${step.when.step}", which is not an earlier step.` });
        }
        seen.add(step.id);
      });
    }
  });
export type AgentChain = z.infer<typeof agentChainSchema>;

export interface ChainStepResult {
  id: string;
  status: ChainStepStatus;
  output: string;
  error?: string;
  model?: string;
  costUsd: number;
  toolCalls: { toolId: string; status: "succeeded" | "failed" }[];
}

export interface AgentChainOutput {
  name: string;
  /** `recovered`: a step failed and the onFailure branch ran to its end. */
  status: "succeeded" | "recovered";
  /** The last result that ran (of the branch taken). */
  output: string;
  failedStep?: string;
  steps: ChainStepResult[];
  costUsd: number;
}
