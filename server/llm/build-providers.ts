import { createAnthropicProvider } from "@/server/llm/providers/anthropic-provider";
import { createOfflineProvider } from "@/server/llm/providers/offline-provider";
import { createOpenAiProvider } from "@/server/llm/providers/openai-provider";
import type { LlmProvider } from "@/server/llm/llm-types";
import { listPricedModels } from "@/server/llm/price-table";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export interface ProviderEnvironment {
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_BASE_URL?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  TOGETHER_API_KEY?: string;
  TOGETHER_BASE_URL?: string;
}

export interface EndpointConfig {
  id: string;
  name: string;
  kind: "anthropic" | "openai";
  baseUrl: string | null;
  apiKey: string | null;
  models: string[];
}

const TOGETHER_DEFAULT_URL = "https://api.together.xyz/v1";
// Local OpenAI-compatible servers (Ollama, vLLM) accept any key; the SDK insists on one.
const NO_KEY = "not-needed";

const modelsFor = (prefix: RegExp) => listPricedModels().filter((model) => prefix.test(model));

/**
 * The providers configured in the environment: Anthropic, OpenAI (or any OpenAI-compatible server through
 * OPENAI_BASE_URL alone), Together. The offline provider is always present, used when nothing else is.
 */
export function buildEnvironmentProviders(config: ProviderEnvironment): Map<string, LlmProvider> {
  const providers = new Map<string, LlmProvider>();
  const add = (provider: LlmProvider) => providers.set(provider.id, provider);
  if (config.ANTHROPIC_API_KEY) {
    add(createAnthropicProvider({ id: "anthropic", label: "Anthropic", apiKey: config.ANTHROPIC_API_KEY, baseUrl: config.ANTHROPIC_BASE_URL, models: modelsFor(/^claude/) }));
  }
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL) {
    add(
      createOpenAiProvider({
        id: "openai",
        label: config.OPENAI_API_KEY ? "OpenAI" : `OpenAI-compatible (${config.OPENAI_BASE_URL})`,
        apiKey: config.OPENAI_API_KEY ?? NO_KEY,
        baseUrl: config.OPENAI_BASE_URL,
        models: modelsFor(/^gpt/),
        maxTokensParam: config.OPENAI_BASE_URL ? "max_tokens" : "max_completion_tokens",
      }),
    );
  }
  if (config.TOGETHER_API_KEY || config.TOGETHER_BASE_URL) {
    add(
      createOpenAiProvider({
        id: "together",
        label: "Together",
        apiKey: config.TOGETHER_API_KEY ?? NO_KEY,
        baseUrl: config.TOGETHER_BASE_URL ?? TOGETHER_DEFAULT_URL,
        models: modelsFor(/^meta-llama\//),
        maxTokensParam: "max_tokens",
      }),
    );
  }
  add(createOfflineProvider());
  return providers;
}

/**
 * A provider for an endpoint an admin added, keyed `endpoint:<id>`. Its URL is tenant input, so every request
 * goes through the outbound guard (environment providers are operator configuration and do not).
 */
export function buildEndpointProvider(endpoint: EndpointConfig, outbound: OutboundGuard): LlmProvider {
  const id = `endpoint:${endpoint.id}`;
  const common = { id, label: endpoint.name, apiKey: endpoint.apiKey ?? NO_KEY, baseUrl: endpoint.baseUrl ?? undefined, models: endpoint.models, fetch: outbound.fetch };
  return endpoint.kind === "anthropic" ? createAnthropicProvider(common) : createOpenAiProvider({ ...common, maxTokensParam: "max_tokens" });
}
