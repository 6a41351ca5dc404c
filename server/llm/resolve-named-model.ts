import type { LlmProvider } from "@/server/llm/llm-types";
import type { LlmPolicy, ModelRef } from "@/server/llm/routing-policy";

/**
 * Finds the provider of a model named by a client: `provider/model` when the prefix is a configured provider,
 * else the first policy tier entry or provider model list that names it.
 */
export function resolveNamedModel(name: string, providers: ReadonlyMap<string, LlmProvider>, policy: LlmPolicy): ModelRef | undefined {
  const slash = name.indexOf("/");
  if (slash > 0) {
    const provider = name.slice(0, slash);
    if (providers.has(provider)) return { provider, model: name.slice(slash + 1) };
  }
  const inPolicy = [...policy.tiers.high, ...policy.tiers.medium, ...policy.tiers.low].find(
    (ref) => ref.model === name && providers.has(ref.provider),
  );
  if (inPolicy) return inPolicy;
  for (const provider of providers.values()) {
    if (provider.models.includes(name)) return { provider: provider.id, model: name };
  }
  return undefined;
}

/** Every model a client can name: the policy's and each configured provider's. */
export function listNamedModels(providers: ReadonlyMap<string, LlmProvider>, policy: LlmPolicy): ModelRef[] {
  const seen = new Set<string>();
  const refs: ModelRef[] = [];
  const push = (ref: ModelRef) => {
    const key = `${ref.provider}/${ref.model}`;
    if (!providers.has(ref.provider) || seen.has(key)) return;
    seen.add(key);
    refs.push(ref);
  };
  [...policy.tiers.high, ...policy.tiers.medium, ...policy.tiers.low].forEach(push);
  for (const provider of providers.values()) provider.models.forEach((model) => push({ provider: provider.id, model }));
  return refs;
}
