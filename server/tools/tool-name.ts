/** The name a tool is offered to models under: tool ids contain dots; model APIs accept only [a-zA-Z0-9_-], 64 at most. */
export function toolNameFor(toolId: string): string {
  return toolId.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64);
}
