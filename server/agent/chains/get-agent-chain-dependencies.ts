import "server-only";
import { inngest } from "@/inngest/client";
import { agentChainRequested } from "@/inngest/events";
import type { AgentChainDependencies } from "@/server/agent/chains/start-agent-chain";

export function getAgentChainDependencies(): AgentChainDependencies {
  return { requestChain: async (event) => (await inngest.send(agentChainRequested.create(event))).ids[0] ?? "" };
}
