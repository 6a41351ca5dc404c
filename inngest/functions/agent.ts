import { inngest } from "@/inngest/client";
import { createAgentChainFunction } from "@/inngest/functions/agent-chain";
import { createAgentRunFunction } from "@/inngest/functions/agent-run";
import { resolveAgentDependencies } from "@/server/agent/resolve-agent-dependencies";

export const agentRun = createAgentRunFunction(inngest, resolveAgentDependencies);
export const agentChain = createAgentChainFunction(inngest, resolveAgentDependencies);
