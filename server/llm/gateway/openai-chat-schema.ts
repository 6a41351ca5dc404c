import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const imagePart = z.object({ type: z.literal("image_url"), image_url: z.object({ url: z.string() }) });
const userContent = z.union([z.string(), z.array(z.union([textPart, imagePart]))]);
const plainContent = z.union([z.string(), z.array(textPart)]);

const toolCall = z.object({
  id: z.string(),
  type: z.literal("function").default("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

export const openAiMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: plainContent }),
  z.object({ role: z.literal("developer"), content: plainContent }),
  z.object({ role: z.literal("user"), content: userContent }),
  z.object({ role: z.literal("assistant"), content: plainContent.nullish(), tool_calls: z.array(toolCall).optional() }),
  z.object({ role: z.literal("tool"), tool_call_id: z.string(), content: plainContent }),
]);
export type OpenAiMessage = z.infer<typeof openAiMessageSchema>;

/** The subset of the Chat Completions request the gateway honours; unknown fields are ignored. */
export const openAiChatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(openAiMessageSchema).min(1),
  tools: z
    .array(z.object({ type: z.literal("function"), function: z.object({ name: z.string(), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }) }))
    .optional(),
  tool_choice: z.union([z.enum(["auto", "none", "required"]), z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) })]).optional(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  /** Candlefish extensions: a cost cap in USD, and ids to group calls on the cost dashboard. */
  max_cost: z.number().positive().optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type OpenAiChatRequest = z.infer<typeof openAiChatRequestSchema>;
