// GET /api/chat/{id}/events: server-sent events of the conversation's agent runs (tokens, tool calls, messages).
import { conversationChannel } from "@/server/agent/agent-events";
import { AppError } from "@/server/errors/app-error";
import { getEventBus } from "@/server/events/get-event-bus";
import { withSession } from "@/server/http/with-session";
import { findConversation } from "@/server/memory/conversation-repository";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export const GET = withSession<{ id: string }>(async (request, { caller, db, params }) => {
  if (!(await findConversation(db, caller.organisationId, params.id))) throw new AppError("not_found", "No such conversation in your organisation.");
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = getEventBus().subscribe(conversationChannel(caller.organisationId, params.id), (event) => send(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      });
      send(": connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive" } });
});
