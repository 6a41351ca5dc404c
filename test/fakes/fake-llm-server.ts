import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers: text and/or tool calls, with the usage it reports. */
export interface FakeReply {
  text?: string;
  toolCalls?: Array<{ id?: string; name: string; input: Record<string, unknown> }>;
  usage?: { input?: number; output?: number; cacheRead?: number; cacheWrite?: number };
  stopReason?: "end_turn" | "max_tokens" | "tool_use";
}

/** A fault to inject into one response. */
export type FakeFault =
  | { fault: "status"; status: number; message?: string; headers?: Record<string, string> }
  | { fault: "slow"; delayMs: number; perChunk?: boolean; reply?: FakeReply }
  | { fault: "malformed" }
  | { fault: "disconnect"; afterChunks: number; reply?: FakeReply };

export type FakeStep = FakeReply | FakeFault;

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/** The wire format of one provider: how to answer, stream, and fail. */
export interface FakeProtocol {
  path: string;
  renderReply(reply: Required<Pick<FakeReply, "text">> & FakeReply, body: Record<string, unknown>): unknown;
  /** Server-sent event frames, each already formatted (`event:`/`data:` lines and the blank line). */
  renderStream(reply: Required<Pick<FakeReply, "text">> & FakeReply, body: Record<string, unknown>): string[];
  renderError(status: number, message: string): unknown;
  /** A broken stream frame, for the malformed fault on streaming requests. */
  malformedFrame: string;
}

export interface FakeLlmServer {
  url: string;
  requests: ReceivedRequest[];
  /** Queues steps for the next requests, optionally only for requests to one model. */
  enqueue(steps: FakeStep | FakeStep[], options?: { model?: string }): void;
  reset(): void;
  close(): Promise<void>;
}

const isFault = (step: FakeStep): step is FakeFault => "fault" in step;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts roughly like a tokenizer (four characters a token) so that costs are non-zero and predictable. */
export function fakeTokenCount(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? "").length / 4));
}

function defaultReply(body: Record<string, unknown>): FakeReply & { text: string } {
  return { text: `Hello from ${String(body.model)}.` };
}

/**
 * A local HTTP server speaking a provider's wire protocol, scripted per request: replies, tool calls, usage,
 * SSE streaming, and faults (error statuses with headers, slowness, malformed bodies, mid-stream disconnects).
 */
export interface FakeServerOptions {
  /** Answers requests when nothing is queued (a scripted model, e.g. for end-to-end tests). */
  respond?: (body: Record<string, unknown>) => FakeStep | undefined;
  /** Pause between streamed frames, so streaming is visible to a browser. */
  chunkDelayMs?: number;
  /** Fixed port (0: any free port). */
  port?: number;
}

export async function startFakeLlmServer(protocol: FakeProtocol, options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  const queue: Array<{ model?: string; step: FakeStep }> = [];
  const requests: ReceivedRequest[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (request.method !== "POST" || path !== protocol.path) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify(protocol.renderError(404, `No route ${path}`)));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    requests.push({ path, headers: request.headers, body });
    const index = queue.findIndex((entry) => !entry.model || entry.model === body.model);
    const step: FakeStep = index >= 0 ? (queue.splice(index, 1)[0] as { step: FakeStep }).step : (options.respond?.(body) ?? defaultReply(body));
    const stream = body.stream === true;

    if (isFault(step) && step.fault === "status") {
      response.writeHead(step.status, { "content-type": "application/json", ...step.headers });
      response.end(JSON.stringify(protocol.renderError(step.status, step.message ?? `Injected ${step.status}`)));
      return;
    }
    if (isFault(step) && step.fault === "malformed") {
      if (stream) {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.end(protocol.malformedFrame);
      } else {
        response.writeHead(200, { "content-type": "application/json" }).end('{"id": "broken", "choices": [');
      }
      return;
    }
    const given = isFault(step) ? step.reply : step;
    const reply = given && (given.text || given.toolCalls?.length) ? { text: "", ...given } : { ...defaultReply(body), ...given };
    const slow = isFault(step) && step.fault === "slow" ? step : undefined;
    const disconnectAfter = isFault(step) && step.fault === "disconnect" ? step.afterChunks : undefined;
    if (slow && !slow.perChunk) await sleep(slow.delayMs);
    if (!stream) {
      if (disconnectAfter !== undefined) {
        response.socket?.destroy();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(protocol.renderReply(reply, body)));
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const frames = protocol.renderStream(reply, body);
    for (const [position, frame] of frames.entries()) {
      if (disconnectAfter !== undefined && position >= disconnectAfter) {
        await sleep(20);
        response.socket?.destroy();
        return;
      }
      if (slow?.perChunk) await sleep(slow.delayMs);
      else if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
      if (response.destroyed) return;
      await new Promise((resolve) => response.write(frame, resolve));
    }
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue(steps, options = {}) {
      for (const step of Array.isArray(steps) ? steps : [steps]) queue.push({ model: options.model, step });
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
