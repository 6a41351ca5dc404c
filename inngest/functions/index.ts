import { agentChain, agentRun } from "@/inngest/functions/agent";
import { demoHello } from "@/inngest/functions/demo-hello";
import { transformWorkbook } from "@/inngest/functions/transform-workbook";

/** Every function the app serves; the serve route and the tests register exactly this list. */
export const functions = [demoHello, transformWorkbook, agentRun, agentChain];
