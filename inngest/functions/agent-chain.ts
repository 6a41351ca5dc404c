import { NonRetriableError, type Inngest } from "inngest";
import { agentChainRequested } from "@/inngest/events";
import type { AgentDependencies } from "@/server/agent/agent-dependencies";
import { agentChainSchema, type AgentChainOutput, type ChainStep, type ChainStepResult } from "@/server/agent/chains/agent-chain-schema";
import { evaluateChainCondition } from "@/server/agent/chains/evaluate-chain-condition";
import { runChainStep, type ChainScope } from "@/server/agent/chains/run-chain-step";

const skipped = (id: string): ChainStepResult => ({ id, status: "skipped", output: "", costUsd: 0, toolCalls: [] });

/**
 * An AgentChain as a durable function: every chain step that runs is its own step (memoized, so a crash
 * resumes after the last finished one; retried with the plan's policy), steps whose condition does not hold
 * are skipped, and a step that still fails after its retries hands over to the chain's onFailure branch.
 */
export function createAgentChainFunction(client: Inngest, resolve: (organisationId: string) => Promise<AgentDependencies>) {
  return client.createFunction({ id: "agent-chain", name: "Agent chain", triggers: [agentChainRequested], retries: 2 }, async ({ event, step, runId }) => {
    const chain = agentChainSchema.parse(event.data.chain);
    const onFailure = chain.onFailure ?? [];
    const scope: ChainScope = { organisationId: event.data.organisationId, userId: event.data.userId, runId };
    const results: ChainStepResult[] = [];

    /** Runs a branch; returns the id of the step that failed, if one did. */
    const runBranch = async (steps: ChainStep[]): Promise<string | undefined> => {
      for (const definition of steps) {
        if (definition.when && !evaluateChainCondition(definition.when, results)) {
          results.push(skipped(definition.id));
          continue;
        }
        const earlier = [...results];
        try {
          results.push(await step.run(`chain-step-${definition.id}`, async () => runChainStep(await resolve(scope.organisationId), scope, definition, event.data.input, earlier)));
        } catch (error) {
          results.push({ ...skipped(definition.id), status: "failed", error: error instanceof Error ? error.message : String(error) });
          return definition.id;
        }
      }
      return undefined;
    };

    const failedStep = await runBranch(chain.steps);
    if (failedStep) {
      const reason = results.at(-1)?.error ?? "unknown error";
      if (onFailure.length === 0) throw new NonRetriableError(`Step "${failedStep}" of chain "${chain.name}" failed: ${reason}`);
      const failedAgain = await runBranch(onFailure);
      if (failedAgain) throw new NonRetriableError(`Step "${failedStep}" of chain "${chain.name}" failed (${reason}), and so did its onFailure step "${failedAgain}".`);
    }
    const ran = results.filter((result) => result.status === "succeeded");
    return {
      name: chain.name,
      status: failedStep ? "recovered" : "succeeded",
      output: ran.at(-1)?.output ?? "",
      failedStep,
      steps: results,
      costUsd: results.reduce((sum, result) => sum + result.costUsd, 0),
    } satisfies AgentChainOutput;
  });
}
