/** Why a tool call failed, in terms the agent and the chat UI can act on. */
export type ToolFailureKind = "invalid_input" | "invalid_output" | "timeout" | "cancelled" | "error" | "not_found";

export class ToolCallError extends Error {
  override readonly name = "ToolCallError";

  constructor(
    readonly kind: ToolFailureKind,
    readonly toolId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
