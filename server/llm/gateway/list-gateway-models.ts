import "server-only";
import type { LlmRouter } from "@/server/llm/llm-router";
import { listNamedModels } from "@/server/llm/resolve-named-model";

/** "auto" and every model of the organisation's policy and providers, as an OpenAI model list. */
export async function listGatewayModels(router: LlmRouter, organisationId: string) {
  const [policy, providers] = await Promise.all([router.getPolicy(organisationId), router.getProviders(organisationId)]);
  const refs = listNamedModels(providers, policy);
  return {
    object: "list",
    data: [{ id: "auto", object: "model", created: 0, owned_by: "candlefish" }, ...refs.map((ref) => ({ id: `${ref.provider}/${ref.model}`, object: "model", created: 0, owned_by: ref.provider }))],
  };
}
