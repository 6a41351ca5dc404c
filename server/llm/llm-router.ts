import "server-only";
import type { Database } from "@/db/database";
import { AppError } from "@/server/errors/app-error";
import { createCallRecorder } from "@/server/llm/call-recorder";
import { chooseRoute, type RouteDecision } from "@/server/llm/choose-route";
import { CircuitBreaker, createMemoryBreakerStore, type BreakerStore } from "@/server/llm/circuit-breaker";
import { ChainFailure, executeChain, type ResilienceOptions } from "@/server/llm/execute-chain";
import { insertBudgetAlert, insertLlmCalls, sumSpendSince, type NewLlmCall } from "@/server/llm/llm-call-repository";
import { recordLlmMetrics } from "@/server/llm/llm-metrics";
import type { LlmDelta, LlmProvider, LlmStopReason, LlmToolCall, LlmUsage } from "@/server/llm/llm-types";
import { EMPTY_USAGE } from "@/server/llm/llm-types";
import { estimateTextTokens } from "@/server/llm/estimate-tokens";
import { findModelPrice, PRICE_TABLE_VERSION, priceUsage, priceUsageByType } from "@/server/llm/price-table";
import { createProviderCache, type ProviderSources } from "@/server/llm/provider-cache";
import { resolveNamedModel } from "@/server/llm/resolve-named-model";
import { createPolicyCache } from "@/server/llm/policy-cache";
import type { LlmPolicy, ModelRef } from "@/server/llm/routing-policy";
import { strongestModel } from "@/server/llm/routing-policy";
import { createSpendTracker, monthStart } from "@/server/llm/spend-tracker";
import type { RouteChatRequest, RouteChatResult } from "@/server/llm/route-chat-types";

export type { RouteChatRequest, RouteChatResult } from "@/server/llm/route-chat-types";

export interface LlmRouterOptions extends ProviderSources {
  db: Database;
  breakerStore?: BreakerStore;
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  resilience?: Partial<ResilienceOptions>;
  /** How long a policy, a provider list and a spend total are trusted before reloading (other instances' changes). */
  cacheTtlMs?: number;
}

export interface LlmRouter {
  routeChat(request: RouteChatRequest): Promise<RouteChatResult>;
  /** What the policy would do with a request, without sending it (the admin's "try a prompt"). */
  previewRoute(request: RouteChatRequest): Promise<RouteDecision>;
  getPolicy(organisationId: string): Promise<LlmPolicy>;
  getProviders(organisationId: string): Promise<ReadonlyMap<string, LlmProvider>>;
  /** Forget cached policy and endpoints of an organisation after an admin changed them. */
  invalidate(organisationId: string): void;
  /** Wait until every call row is stored. */
  flush(): Promise<void>;
}

const DEFAULT_RESILIENCE: ResilienceOptions = { timeoutMs: 60_000, maxRetries: 2, initialBackoffMs: 250, maxBackoffMs: 8_000, maxRetryAfterMs: 20_000 };

/** Builds the router every model call goes through: route by policy, survive failures, account for every call. */
export function createLlmRouter(options: LlmRouterOptions): LlmRouter {
  const { db } = options;
  const ttl = options.cacheTtlMs ?? 5_000;
  const resilience = { ...DEFAULT_RESILIENCE, ...options.resilience };
  const breaker = new CircuitBreaker(options.breakerStore ?? createMemoryBreakerStore(), {
    failureThreshold: options.breaker?.failureThreshold ?? 5,
    cooldownMs: options.breaker?.cooldownMs ?? 30_000,
  });
  const recorder = createCallRecorder((rows) => insertLlmCalls(db, rows));
  const spend = createSpendTracker({ load: (org, since, user) => sumSpendSince(db, org, since, user), ttlMs: Math.max(ttl, 15_000) });
  const policies = createPolicyCache(db, ttl);
  const providerCache = createProviderCache(options, ttl);
  const alerted = new Set<string>();
  const pendingAlerts = new Set<Promise<void>>();

  const decide = async (request: RouteChatRequest) => {
    const [policy, providers, spent] = await Promise.all([
      policies.get(request.organisationId),
      providerCache.get(request.organisationId),
      spend.read(request.organisationId, request.userId),
    ]);
    const decision = chooseRoute({
      policy,
      request,
      isAvailable: (provider) => providers.has(provider) && provider !== "offline",
      resolveNamedModel: (name) => resolveNamedModel(name, providers, policy),
      budgets: {
        organisation: { spentUsd: spent.organisation, limitUsd: policy.budgets.organisationMonthlyUsd },
        user: { spentUsd: spent.user, limitUsd: request.userId ? policy.budgets.userMonthlyUsd : null },
      },
    });
    return { policy, providers, decision };
  };

  const raiseAlerts = (request: RouteChatRequest, decision: RouteDecision) => {
    const month = monthStart(new Date()).toISOString().slice(0, 7);
    for (const alert of decision.budgetAlerts) {
      const subjectId = alert.scope === "organisation" ? request.organisationId : (request.userId ?? "");
      const key = [request.organisationId, alert.scope, subjectId, month, alert.level].join("|");
      if (alerted.has(key)) continue;
      alerted.add(key);
      console.warn(`llm budget ${alert.level}: ${alert.scope} ${subjectId} spent $${alert.spentUsd.toFixed(2)} of $${alert.limitUsd.toFixed(2)}`);
      const stored = insertBudgetAlert(db, { organisationId: request.organisationId, scope: alert.scope, subjectId, month, level: alert.level, spentUsd: alert.spentUsd, limitUsd: alert.limitUsd })
        .catch((error: unknown) => console.error("llm budget alert not stored", error))
        .finally(() => pendingAlerts.delete(stored));
      pendingAlerts.add(stored);
    }
  };

  const account = (
    request: RouteChatRequest,
    decision: RouteDecision,
    policy: LlmPolicy,
    call: { ref: ModelRef; usage: LlmUsage; status: NewLlmCall["status"]; latencyMs: number; ttftMs: number | null; stopReason?: LlmStopReason; errorCode?: string; hops: NewLlmCall["fallbackChain"] },
  ): number => {
    const price = findModelPrice(call.ref.model);
    const costByType = priceUsageByType(price, call.usage);
    const costUsd = priceUsage(price, call.usage);
    spend.add(request.organisationId, request.userId, costUsd);
    recordLlmMetrics({ provider: call.ref.provider, model: call.ref.model, status: call.status, usage: call.usage, costByType, latencyMs: call.latencyMs });
    recorder.record({
      organisationId: request.organisationId,
      userId: request.userId ?? null,
      conversationId: request.conversationId ?? null,
      runId: request.runId ?? null,
      stepId: request.stepId ?? null,
      source: request.source ?? "app",
      provider: call.ref.provider,
      model: call.ref.model,
      complexity: decision.tier === "named" || decision.tier === "offline" ? (decision.complexity?.level ?? "named") : decision.tier,
      routeReason: price ? decision.reason : `${decision.reason}; no list price for ${call.ref.model}: cost recorded as 0`,
      ...call.usage,
      costUsd,
      baselineCostUsd: priceUsage(findModelPrice(strongestModel(policy).model), call.usage),
      priceVersion: PRICE_TABLE_VERSION,
      latencyMs: Math.round(call.latencyMs),
      timeToFirstTokenMs: call.ttftMs,
      status: call.status,
      errorCode: call.errorCode ?? null,
      stopReason: call.stopReason ?? null,
      fallbackChain: call.hops,
    });
    return costUsd;
  };

  return {
    previewRoute: async (request) => (await decide(request)).decision,
    getPolicy: (organisationId) => policies.get(organisationId),
    getProviders: (organisationId) => providerCache.get(organisationId),
    invalidate(organisationId) {
      policies.invalidate(organisationId);
      providerCache.invalidate(organisationId);
    },
    flush: async () => {
      await Promise.all([recorder.flush(), ...pendingAlerts]);
    },

    async routeChat(request) {
      const started = performance.now();
      const { policy, providers, decision } = await decide(request);
      raiseAlerts(request, decision);
      const elapsed = () => performance.now() - started;
      if (decision.refusal) {
        const ref = decision.chain[0] ?? { provider: "-", model: request.model && request.model !== "auto" ? request.model : "-" };
        account(request, decision, policy, { ref, usage: EMPTY_USAGE, status: "refused", latencyMs: elapsed(), ttftMs: null, errorCode: decision.refusal.code, hops: [] });
        const code = decision.refusal.code === "budget_exceeded" ? "forbidden" : decision.refusal.code === "unknown_model" ? "not_found" : "unprocessable";
        throw new AppError(code, decision.refusal.message, { reason: decision.reason });
      }
      let ttftMs: number | null = null;
      const onDelta = request.onDelta
        ? (delta: LlmDelta) => {
            ttftMs ??= Math.round(elapsed());
            request.onDelta?.(delta);
          }
        : undefined;
      try {
        const { result, ref, hops } = await executeChain(
          decision.chain,
          providers,
          {
            system: request.system,
            messages: request.messages,
            tools: request.tools,
            toolChoice: request.toolChoice,
            maxOutputTokens: decision.maxOutputTokens,
            temperature: request.temperature,
            stop: request.stop,
            signal: request.signal,
            onDelta,
          },
          breaker,
          resilience,
        );
        const latencyMs = elapsed();
        const costUsd = account(request, decision, policy, { ref, usage: result.usage, status: "ok", latencyMs, ttftMs, stopReason: result.stopReason, hops });
        const toolCalls: LlmToolCall[] = result.toolCalls;
        return { text: result.text, toolCalls, usage: result.usage, stopReason: result.stopReason, costUsd, provider: ref.provider, model: ref.model, decision, fallbackChain: hops, latencyMs, timeToFirstTokenMs: ttftMs };
      } catch (error) {
        if (!(error instanceof ChainFailure)) throw error;
        throw failCall(error);
      }

      function failCall(failure: ChainFailure): AppError {
        const kind = failure.last?.kind ?? "unavailable";
        const ref = failure.ref ?? decision.chain[0] ?? { provider: "-", model: "-" };
        const partialText = failure.last?.options.partialText;
        const usage = kind === "interrupted" ? { ...EMPTY_USAGE, inputTokens: decision.estimatedInputTokens, outputTokens: estimateTextTokens(partialText ?? "") } : EMPTY_USAGE;
        const status = kind === "interrupted" ? "interrupted" : "error";
        account(request, decision, policy, { ref, usage, status, latencyMs: elapsed(), ttftMs, errorCode: kind, hops: failure.hops });
        const details = { fallbackChain: failure.hops, reason: decision.reason };
        if (kind === "interrupted") {
          return new AppError("unavailable", "The model's answer broke off after part of it was shown. Send the message again to retry.", { ...details, partialText }, { cause: failure });
        }
        if (kind === "aborted") return new AppError("bad_request", "The request was cancelled.", details, { cause: failure });
        if (kind === "blocked") return new AppError("bad_request", failure.last?.message ?? "The endpoint's address is not allowed.", details, { cause: failure });
        if (kind === "client_error") {
          const summary = failure.last?.message ?? "The model provider refused the request.";
          return new AppError("bad_request", `${summary} Check the endpoint's API key, base URL and model name.`, details, { cause: failure });
        }
        const retryAfterMs = failure.last?.options.retryAfterMs;
        return new AppError("unavailable", "No model could answer right now (every model in the route failed). Try again in a minute.", details, {
          cause: failure,
          retryAfterSeconds: retryAfterMs !== undefined ? retryAfterMs / 1000 : undefined,
        });
      }
    },
  };
}
