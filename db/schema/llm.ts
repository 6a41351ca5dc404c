import { bigserial, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations } from "@/db/schema/organisations";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";

/** One hop of a call's fallback chain: a model that was tried and why it was left. */
export interface LlmFallbackHop {
  provider: string;
  model: string;
  error: string;
  attempts: number;
}

/**
 * One row per model call through the router (the chat agent and the OpenAI-compatible gateway alike).
 * No foreign key on users, so the accounting outlives them; cost is in USD from the versioned price table.
 */
export const llmCalls = pgTable(
  "llm_call",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    conversationId: text("conversation_id"),
    runId: text("run_id"),
    stepId: text("step_id"),
    source: text("source", { enum: ["app", "gateway"] }).notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    complexity: text("complexity", { enum: ["low", "medium", "high", "named"] }).notNull(),
    routeReason: text("route_reason").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    cacheReadTokens: integer("cache_read_tokens").notNull().default(0),
    cacheWriteTokens: integer("cache_write_tokens").notNull().default(0),
    costUsd: numeric("cost_usd", { precision: 14, scale: 8, mode: "number" }).notNull().default(0),
    /** What the same tokens would have cost on the policy's strongest model: the saving is the difference. */
    baselineCostUsd: numeric("baseline_cost_usd", { precision: 14, scale: 8, mode: "number" }).notNull().default(0),
    priceVersion: text("price_version").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    timeToFirstTokenMs: integer("time_to_first_token_ms"),
    status: text("status", { enum: ["ok", "error", "interrupted", "refused"] }).notNull(),
    errorCode: text("error_code"),
    stopReason: text("stop_reason"),
    fallbackChain: jsonb("fallback_chain").$type<LlmFallbackHop[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (call) => [
    index("llm_call_organisation_created_idx").on(call.organisationId, call.createdAt),
    index("llm_call_organisation_user_created_idx").on(call.organisationId, call.userId, call.createdAt),
  ],
);

/** The routing policy of an organisation (validated by `llmPolicySchema`); absent means the default policy. */
export const llmPolicies = pgTable("llm_policy", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  policy: jsonb("policy").$type<Record<string, unknown>>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { mode: "date" }).notNull().defaultNow(),
});

/** Model endpoints an admin added in the UI; the API key is encrypted with the secrets key (AES-256-GCM). */
export const llmEndpoints = pgTable(
  "llm_endpoint",
  {
    id: uuidPrimaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["anthropic", "openai"] }).notNull(),
    baseUrl: text("base_url"),
    encryptedApiKey: text("encrypted_api_key"),
    models: jsonb("models").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (endpoint) => [uniqueIndex("llm_endpoint_organisation_name_idx").on(endpoint.organisationId, endpoint.name)],
);

/** Budget alerts already raised, one per organisation, subject (organisation or user), month and level. */
export const llmBudgetAlerts = pgTable(
  "llm_budget_alert",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: ["organisation", "user"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    month: text("month").notNull(),
    level: text("level", { enum: ["warning", "exceeded"] }).notNull(),
    spentUsd: numeric("spent_usd", { precision: 14, scale: 8, mode: "number" }).notNull(),
    limitUsd: numeric("limit_usd", { precision: 14, scale: 8, mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (alert) => [uniqueIndex("llm_budget_alert_once_idx").on(alert.organisationId, alert.scope, alert.subjectId, alert.month, alert.level)],
);
