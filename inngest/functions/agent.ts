import { inngest } from "@/inngest/client";
import { createAgentRunFunction } from "@/inngest/functions/agent-run";
import { resolveAgentDependencies } from "@/server/agent/resolve-agent-dependencies";

export const agentRun = createAgentRunFunction(inngest, resolveAgentDependencies);
