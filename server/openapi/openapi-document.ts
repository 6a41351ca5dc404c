import { z } from "zod";
import { startAgentChainSchema } from "@/server/agent/chains/start-agent-chain";
import { invokeAgentSchema } from "@/server/agent/invoke-agent";

/** The REST API as an OpenAPI 3.1 document; request bodies come from the same zod schemas the routes parse. */
const errorBody = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "object" } } } },
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request (malformed JSON or a field that fails validation)",
  401: "Missing, unknown or revoked API key",
  404: "Not found in your organisation",
  413: "Upload over the size limit",
  422: "The file is not a readable spreadsheet",
  429: "Rate limited; retry after the `Retry-After` header's seconds",
  503: "A dependency is unavailable or the run failed",
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Candlefish API",
      version: "1.0.0",
      description: "Agents over business spreadsheets and systems. Authenticate with `Authorization: Bearer <API key>` (create keys in Settings). Limits: 100 requests a minute per user, 1,000 per organisation.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key starting with cf_" } },
      schemas: { Error: errorBody },
    },
    paths: {
      "/api/health": { get: { summary: "Health of the app and its database", security: [], responses: { "200": { description: "Healthy" }, "503": { description: "A required part is failing; `failing` names it" } } } },
      "/api/v1/me": { get: { summary: "The user, organisation and role an API key belongs to", responses: { "200": { description: "The caller" }, ...errors(401, 429) } } },
      "/api/v1/agent/invoke": {
        post: {
          summary: "Ask the agent",
          description: "Stores the prompt in a conversation and runs the agent as a durable run. Answers 200 when the run finishes within `options.timeout` (ms, default 60,000), otherwise 202 with the run id to poll.",
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(invokeAgentSchema) } } },
          responses: {
            "200": {
              description: "The answer",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      result: { type: "string" },
                      metadata: { type: "object", properties: { runId: { type: "string" }, conversationId: { type: "string" }, model: { type: "string" }, costUsd: { type: "number" }, toolCalls: { type: "array", items: { type: "object" } } } },
                    },
                  },
                },
              },
            },
            "202": { description: "Still running: `{runId, conversationId, status}`; poll /api/v1/runs/{runId}" },
            ...errors(400, 401, 429, 503),
          },
        },
      },
      "/api/v1/agent/chains": {
        post: {
          summary: "Start an AgentChain",
          description:
            "Runs a declarative sequence of agent steps as one durable run: each step sees the input and the earlier results, runs only when its `when` condition holds, and a failing step hands over to the `onFailure` steps. Poll /api/v1/runs/{runId}; its `output.steps` holds every step's result.",
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(startAgentChainSchema) } } },
          responses: { "202": { description: "Started: `{eventId, runId}`" }, ...errors(400, 401, 429) },
        },
      },
      "/api/v1/runs/{id}": {
        get: {
          summary: "A durable run with its steps",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "`{id, functionId, status, steps, output?, error?}`" }, ...errors(401, 404, 429) },
        },
      },
      "/api/v1/workbooks": {
        post: {
          summary: "Upload a workbook to turn into an app",
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } } },
          responses: { "202": { description: "`{workbookId, runId}`: the transformation started" }, ...errors(400, 401, 413, 422, 429) },
        },
      },
      "/api/v1/workbooks/{id}": {
        get: {
          summary: "A workbook with its analysis, fidelity and downloads",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "`{id, name, status, analysis, fidelity: {matched, total}, downloads: {react, vue, angular: {fileName, sizeBytes, url}}, downloadError}`" }, ...errors(401, 404, 429) },
        },
      },
      "/api/v1/workbooks/{id}/downloads/{framework}": {
        get: {
          summary: "The app generated from a workbook, as a zipped project",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "framework", in: "path", required: true, schema: { type: "string", enum: ["react", "vue", "angular"] } },
          ],
          responses: { "200": { description: "`<name>-<framework>.zip`", content: { "application/zip": {} } }, ...errors(401, 404, 429) },
        },
      },
      "/api/v1/openai/chat/completions": {
        post: {
          summary: "OpenAI-compatible chat completions through Candlefish's router",
          description: "`model: \"auto\"` routes by the organisation's policy; a named model goes to its provider. Supports `stream: true` and tools.",
          responses: { "200": { description: "An OpenAI chat completion (or an SSE stream of chunks)" }, ...errors(400, 401, 429, 503) },
        },
      },
      "/api/v1/openai/models": { get: { summary: "Models the gateway can route to", responses: { "200": { description: "OpenAI model list" }, ...errors(401) } } },
      "/api/v1/usage": {
        get: {
          summary: "Model cost and tokens grouped by provider and model",
          parameters: [
            { name: "from", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "to", in: "query", schema: { type: "string", format: "date-time" } },
          ],
          responses: { "200": { description: "Usage rows" }, ...errors(400, 401, 429) },
        },
      },
    },
  };
}
