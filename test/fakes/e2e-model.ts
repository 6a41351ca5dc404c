// The model behind the end-to-end tests: a fake OpenAI server on a fixed port whose scripted answers exercise
// the agent's tools the way a real model would for the e2e questions:
//   question → workbooks_list → workbook_evaluate (rate cell set from the question) → answer with the result;
//   a question about a workbook's model → that workbook's model tool (its rate input) → answer with its output.
// Run with: node --import tsx test/fakes/e2e-model.ts <port>
import type { FakeStep } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";

interface OfferedTool {
  function: { name: string; description?: string; parameters?: { properties?: Record<string, { description?: string }> } };
}

/** The loan workbook's model tool, when offered: its name and the argument that holds the rate. */
function loanModelTool(tools: OfferedTool[]): { name: string; rateKey: string } | undefined {
  const tool = tools.find((candidate) => /^workbook_[0-9a-f-]{36}$/.test(candidate.function.name) && /"Loan"/.test(candidate.function.description ?? ""));
  const rateKey = Object.entries(tool?.function.parameters?.properties ?? {}).find(([, property]) => /rate/i.test(property.description ?? ""))?.[0];
  return tool && rateKey ? { name: tool.function.name, rateKey } : undefined;
}

function modelAnswer(content: string): FakeStep {
  const outputs = (JSON.parse(content) as { outputs?: { label: string; value: unknown }[] }).outputs ?? [];
  const payment = Number(outputs.find((output) => /monthly payment/i.test(output.label))?.value);
  return { text: `The Loan workbook's model gives a monthly payment of ${payment.toFixed(2)} at that rate, from its own PMT formula.` };
}

interface OpenAiMessage {
  role: string;
  content?: string | null;
  tool_calls?: { function: { name: string } }[];
}

function respond(body: Record<string, unknown>): FakeStep | undefined {
  const messages = (body.messages as OpenAiMessage[] | undefined) ?? [];
  const tools = ((body.tools as { function: { name: string } }[] | undefined) ?? []).map((tool) => tool.function.name);
  const last = messages.at(-1);
  const question = [...messages].reverse().find((message) => message.role === "user")?.content ?? "";
  const model = /\bmodel\b/i.test(String(question)) ? loanModelTool((body.tools as OfferedTool[] | undefined) ?? []) : undefined;
  if (model && last?.role === "user") {
    const rate = Number(/(\d+(?:\.\d+)?)\s*%/.exec(String(question))?.[1] ?? 5) / 100;
    return { toolCalls: [{ id: `call_model_${messages.length}`, name: model.name, input: { [model.rateKey]: rate } }] };
  }
  if (model && last?.role === "tool") return modelAnswer(String(last.content));
  if (last?.role === "user" && tools.includes("workbooks_list") && /workbook/i.test(String(question))) {
    return { toolCalls: [{ id: `call_list_${messages.length}`, name: "workbooks_list", input: {} }] };
  }
  if (last?.role !== "tool") return undefined;
  const previousCall = [...messages].reverse().find((message) => message.tool_calls?.length)?.tool_calls?.[0]?.function.name;
  if (previousCall === "workbooks_list") {
    const listed = JSON.parse(String(last.content)) as { workbooks: { id: string; name: string }[] };
    const loan = listed.workbooks.find((workbook) => /loan/i.test(workbook.name));
    const rate = Number(/(\d+(?:\.\d+)?)\s*%/.exec(String(question))?.[1] ?? 5) / 100;
    if (loan && tools.includes("workbook_evaluate") && /%/.test(String(question))) {
      return { toolCalls: [{ id: `call_eval_${messages.length}`, name: "workbook_evaluate", input: { workbookId: loan.id, inputs: { "Loan!B1": rate }, outputs: ["Loan!B4"] } }] };
    }
    return { text: `You have ${listed.workbooks.length} workbook(s)${listed.workbooks.length ? `: ${listed.workbooks.map((workbook) => workbook.name).join(", ")}` : ""}.` };
  }
  if (previousCall === "workbook_evaluate") {
    const values = (JSON.parse(String(last.content)) as { values?: Record<string, unknown> }).values ?? {};
    const payment = Number(values["Loan!B4"]);
    return {
      text:
        `Your loan workbook gives a monthly payment of ${payment.toFixed(2)} at that rate. I computed it with the workbook's own PMT formula, ` +
        "setting the rate cell Loan!B1 and reading the payment from Loan!B4; the years and the principal kept the values saved in the file.",
    };
  }
  return undefined;
}

const port = Number(process.argv[2] ?? 3199);
// Slow enough (about 10 s for the final answer) that the test sees tokens arrive, even on a busy machine.
const server = await startFakeOpenAiServer({ respond, chunkDelayMs: 200, port });
console.log(`e2e model listening on ${server.url}`);
