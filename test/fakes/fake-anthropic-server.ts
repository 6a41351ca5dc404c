import { fakeTokenCount, startFakeLlmServer, type FakeLlmServer, type FakeReply } from "@/test/fakes/fake-llm-server";

type Reply = FakeReply & { text: string };

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function usageOf(reply: Reply, body: Record<string, unknown>) {
  return {
    input_tokens: reply.usage?.input ?? fakeTokenCount([body.system, body.messages, body.tools]),
    output_tokens: reply.usage?.output ?? fakeTokenCount([reply.text, reply.toolCalls]),
    cache_read_input_tokens: reply.usage?.cacheRead ?? 0,
    cache_creation_input_tokens: reply.usage?.cacheWrite ?? 0,
  };
}

function contentOf(reply: Reply) {
  return [
    ...(reply.text ? [{ type: "text" as const, text: reply.text }] : []),
    ...(reply.toolCalls ?? []).map((call, index) => ({ type: "tool_use" as const, id: call.id ?? `toolu_${index}`, name: call.name, input: call.input })),
  ];
}

const stopReasonOf = (reply: Reply) => reply.stopReason ?? (reply.toolCalls?.length ? "tool_use" : "end_turn");

/** A local server speaking the Anthropic Messages API (`POST /v1/messages`), JSON and SSE. */
export function startFakeAnthropicServer(): Promise<FakeLlmServer> {
  return startFakeLlmServer({
    path: "/v1/messages",
    renderReply: (reply, body) => ({
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model: body.model,
      content: contentOf(reply),
      stop_reason: stopReasonOf(reply),
      stop_sequence: null,
      usage: usageOf(reply, body),
    }),
    renderStream: (reply, body) => {
      const usage = usageOf(reply, body);
      const frames = [frame("message_start", { type: "message_start", message: { id: "msg_fake", type: "message", role: "assistant", model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } })];
      contentOf(reply).forEach((block, index) => {
        if (block.type === "text") {
          frames.push(frame("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } }));
          for (const piece of block.text.match(/.{1,8}/gs) ?? []) {
            frames.push(frame("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } }));
          }
        } else {
          frames.push(frame("content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } }));
          const json = JSON.stringify(block.input);
          for (const piece of [json.slice(0, Math.ceil(json.length / 2)), json.slice(Math.ceil(json.length / 2))]) {
            frames.push(frame("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } }));
          }
        }
        frames.push(frame("content_block_stop", { type: "content_block_stop", index }));
      });
      frames.push(frame("message_delta", { type: "message_delta", delta: { stop_reason: stopReasonOf(reply), stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }));
      frames.push(frame("message_stop", { type: "message_stop" }));
      return frames;
    },
    renderError: (status, message) => ({
      type: "error",
      error: {
        type: status === 429 ? "rate_limit_error" : status === 529 ? "overloaded_error" : status >= 500 ? "api_error" : "invalid_request_error",
        message,
      },
    }),
    malformedFrame: "event: message_start\ndata: {not json\n\n",
  });
}
