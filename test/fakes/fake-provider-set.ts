import { buildEnvironmentProviders } from "@/server/llm/build-providers";
import type { LlmProvider } from "@/server/llm/llm-types";
import { startFakeAnthropicServer } from "@/test/fakes/fake-anthropic-server";
import type { FakeLlmServer } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";

export interface FakeProviderSet {
  anthropic: FakeLlmServer;
  openai: FakeLlmServer;
  together: FakeLlmServer;
  /** The providers the app would build from ANTHROPIC_*, OPENAI_* and TOGETHER_* pointing at the fakes. */
  providers: Map<string, LlmProvider>;
  reset(): void;
  close(): Promise<void>;
}

/** Fake Anthropic, OpenAI and Together (OpenAI-compatible) servers, wired like the environment would wire them. */
export async function startFakeProviderSet(): Promise<FakeProviderSet> {
  const [anthropic, openai, together] = await Promise.all([startFakeAnthropicServer(), startFakeOpenAiServer(), startFakeOpenAiServer()]);
  const providers = buildEnvironmentProviders({
    ANTHROPIC_API_KEY: "sk-ant-fake",
    ANTHROPIC_BASE_URL: anthropic.url,
    OPENAI_API_KEY: "sk-fake",
    OPENAI_BASE_URL: `${openai.url}/v1`,
    TOGETHER_API_KEY: "together-fake",
    TOGETHER_BASE_URL: `${together.url}/v1`,
  });
  return {
    anthropic,
    openai,
    together,
    providers,
    reset() {
      anthropic.reset();
      openai.reset();
      together.reset();
    },
    close: async () => {
      await Promise.all([anthropic.close(), openai.close(), together.close()]);
    },
  };
}
