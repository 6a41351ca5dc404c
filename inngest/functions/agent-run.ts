import type { Inngest } from "inngest";
import { agentRunCancelled, agentRunRequested } from "@/inngest/events";
import { waitForApproval } from "@/inngest/functions/wait-for-approval";
import { MAX_TURNS_PER_RUN, type AgentDependencies, type AgentRunScope } from "@/server/agent/agent-dependencies";
import { conversationChannel, type AgentStreamEvent } from "@/server/agent/agent-events";
import { runModelTurn } from "@/server/agent/run-model-turn";
import { runToolCall, type ToolCallOutcome } from "@/server/agent/run-tool-call";
import { summariseHistory } from "@/server/agent/summarise-history";
import { publishRunProgress, runChannel } from "@/server/events/run-progress";

export interface AgentRunOutput {
  answer: string;
  model: string;
  costUsd: number;
  toolCalls: ToolCallOutcome[];
  turns: number;
}

/**
 * The agent as a durable function: a long conversation's older part is summarised first (a step), then each
 * model turn and each tool call is its own step (memoized, retried on failure), destructive tools wait for the
 * user's approval, and the Stop button cancels the run.
 */
export function createAgentRunFunction(client: Inngest, resolve: (organisationId: string) => Promise<AgentDependencies>) {
  const publish = async (scope: Pick<AgentRunScope, "organisationId" | "conversationId">, event: AgentStreamEvent) =>
    (await resolve(scope.organisationId)).bus.publish(conversationChannel(scope.organisationId, scope.conversationId), event);

  return client.createFunction(
    {
      id: "agent-run",
      name: "Agent run",
      triggers: [agentRunRequested],
      retries: 2,
      concurrency: { key: "event.data.conversationId", limit: 1 },
      cancelOn: [{ event: agentRunCancelled, match: "data.conversationId" }],
      onFailure: async ({ event, error, step, runId }) => {
        const { organisationId, conversationId, messageId } = event.data.event.data;
        await step.run("report-failure", async () => {
          const deps = await resolve(organisationId);
          const stored = await deps.memory.append(organisationId, conversationId, {
            id: `${runId}:failure`,
            role: "assistant",
            content: `Sorry, I could not finish this answer: ${error.message}`,
            metadata: { runId, failed: true },
          });
          await publish({ organisationId, conversationId }, { type: "message", message: stored });
          await publish({ organisationId, conversationId }, { type: "error", runId, message: error.message });
          await publishRunProgress(deps.bus, runChannel(organisationId, messageId), { type: "finished", runId: event.data.run_id, status: "failed", error: error.message });
        });
      },
    },
    async ({ event, step, runId }) => {
      const scope: AgentRunScope = { organisationId: event.data.organisationId, conversationId: event.data.conversationId, userId: event.data.userId, runId };
      const toolCalls: ToolCallOutcome[] = [];
      let costUsd = 0;
      const progress = runChannel(scope.organisationId, event.data.messageId);
      // Runs only in the call that returns (every step before it is memoized), so waiters get the run's output.
      const finish = async (output: AgentRunOutput) => {
        await publishRunProgress((await resolve(scope.organisationId)).bus, progress, { type: "finished", runId, status: "completed", output });
        return output;
      };
      // Events are published inside the steps that do the work, not in steps of their own: every step costs the
      // executor a call, and a repeated event (a retried step) is harmless to the chat, which keys by id.
      const history = await step.run("summarise-history", async () => {
        await publish(scope, { type: "run_started", runId });
        await publishRunProgress((await resolve(scope.organisationId)).bus, progress, { type: "started", runId });
        return summariseHistory(await resolve(scope.organisationId), scope);
      });
      costUsd += history.costUsd;
      for (let turn = 0; turn < MAX_TURNS_PER_RUN; turn += 1) {
        const reply = await step.run(`model-turn-${turn}`, async () => {
          const result = await runModelTurn(await resolve(scope.organisationId), scope, turn, { maxCost: event.data.maxCost, summary: history.summary });
          if (result.toolCalls.length === 0) await publish(scope, { type: "done", runId });
          return result;
        });
        costUsd += reply.costUsd;
        if (reply.toolCalls.length === 0) {
          return finish({ answer: reply.text, model: reply.model, costUsd, toolCalls, turns: turn + 1 });
        }
        for (const call of reply.toolCalls) {
          let approved = true;
          if (call.destructive) {
            await step.run(`announce-${call.id}`, () => publish(scope, { type: "approval_required", runId, callId: call.id, toolId: call.toolId, input: call.input }));
            approved = await waitForApproval(step, runId, call.id);
          }
          const outcome = await step.run(`tool-${call.id}`, async () => {
            if (!call.destructive) await publish(scope, { type: "tool_call", runId, callId: call.id, toolId: call.toolId, input: call.input, destructive: false });
            return runToolCall(await resolve(scope.organisationId), scope, call, approved);
          });
          toolCalls.push(outcome);
          costUsd += outcome.costUsd;
        }
      }
      const stopped = await step.run("step-budget-exhausted", async () => {
        const deps = await resolve(scope.organisationId);
        const text = `I stopped after ${MAX_TURNS_PER_RUN} steps without a final answer. Ask again with a narrower question.`;
        const stored = await deps.memory.append(scope.organisationId, scope.conversationId, { id: `${runId}:budget`, role: "assistant", content: text, metadata: { runId } });
        await publish(scope, { type: "message", message: stored });
        await publish(scope, { type: "done", runId });
        return text;
      });
      return finish({ answer: stopped, model: "", costUsd, toolCalls, turns: MAX_TURNS_PER_RUN });
    },
  );
}
