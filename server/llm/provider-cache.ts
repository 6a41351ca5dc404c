import { buildEndpointProvider, type EndpointConfig } from "@/server/llm/build-providers";
import type { LlmProvider } from "@/server/llm/llm-types";
import { getOutboundGuard } from "@/server/security/get-outbound-guard";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export interface ProviderSources {
  /** Providers from the environment (always including the offline provider). */
  environmentProviders: ReadonlyMap<string, LlmProvider>;
  /** Endpoints an organisation's admins added, with decrypted keys. */
  loadEndpoints?: (organisationId: string) => Promise<EndpointConfig[]>;
  /** The guard every request to those endpoints passes (the process-wide one, from the environment, by default). */
  outbound?: OutboundGuard;
}

/** The providers an organisation can use: the environment's plus its own endpoints, cached for `ttlMs`. */
export function createProviderCache(sources: ProviderSources, ttlMs: number) {
  const entries = new Map<string, { loadedAt: number; providers: Promise<ReadonlyMap<string, LlmProvider>> }>();
  const load = async (organisationId: string): Promise<ReadonlyMap<string, LlmProvider>> => {
    const endpoints = sources.loadEndpoints ? await sources.loadEndpoints(organisationId) : [];
    if (endpoints.length === 0) return sources.environmentProviders;
    const providers = new Map(sources.environmentProviders);
    for (const endpoint of endpoints) {
      const provider = buildEndpointProvider(endpoint, sources.outbound ?? getOutboundGuard());
      providers.set(provider.id, provider);
    }
    return providers;
  };
  return {
    get(organisationId: string): Promise<ReadonlyMap<string, LlmProvider>> {
      const entry = entries.get(organisationId);
      if (entry && Date.now() - entry.loadedAt < ttlMs) return entry.providers;
      const providers = load(organisationId);
      entries.set(organisationId, { loadedAt: Date.now(), providers });
      providers.catch(() => entries.delete(organisationId));
      return providers;
    },
    invalidate(organisationId: string) {
      entries.delete(organisationId);
    },
  };
}
