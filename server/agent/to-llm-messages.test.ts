import { describe, expect, it } from "vitest";
import { toLlmMessages } from "@/server/agent/to-llm-messages";
import type { StoredMessage } from "@/server/memory/conversation-memory";

let seq = 0;
const message = (role: StoredMessage["role"], content: string, metadata: Record<string, unknown> = {}): StoredMessage => ({
  id: `m${++seq}`,
  seq,
  role,
  content,
  metadata,
  createdAt: new Date(0).toISOString(),
});

describe("toLlmMessages", () => {
  it("pairs tool calls with their results and merges consecutive results", () => {
    const result = toLlmMessages([
      message("user", "payment at 6%?"),
      message("assistant", "", { toolCalls: [{ id: "c1", name: "loan", input: { rate: 0.06 } }, { id: "c2", name: "fx", input: {} }] }),
      message("tool", '{"payment":1199}', { toolCallId: "c1" }),
      message("tool", "timed out", { toolCallId: "c2", isError: true }),
      message("assistant", "It is 1,199 a month."),
    ]);
    expect(result).toEqual([
      { role: "user", content: "payment at 6%?" },
      { role: "assistant", content: [{ type: "tool_call", id: "c1", name: "loan", input: { rate: 0.06 } }, { type: "tool_call", id: "c2", name: "fx", input: {} }] },
      {
        role: "user",
        content: [
          { type: "tool_result", toolCallId: "c1", content: '{"payment":1199}', isError: undefined },
          { type: "tool_result", toolCallId: "c2", content: "timed out", isError: true },
        ],
      },
      { role: "assistant", content: "It is 1,199 a month." },
    ]);
  });

  it("drops the orphaned start of a window that begins mid-exchange", () => {
    const result = toLlmMessages([message("tool", "{}", { toolCallId: "old" }), message("assistant", "done"), message("user", "next question")]);
    expect(result).toEqual([{ role: "user", content: "next question" }]);
  });
});
