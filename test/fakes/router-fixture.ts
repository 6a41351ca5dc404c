import type { DatabaseHandle } from "@/db/database";
import { createAccount, type CreatedAccount } from "@/server/accounts/create-account";
import { createLlmRouter, type LlmRouter, type LlmRouterOptions } from "@/server/llm/llm-router";
import { startFakeProviderSet, type FakeProviderSet } from "@/test/fakes/fake-provider-set";
import type { TestDatabaseTarget } from "@/test/test-databases";

export interface RouterFixture {
  handle: DatabaseHandle;
  account: CreatedAccount;
  fakes: FakeProviderSet;
  /** A router over the fakes with short backoffs, so fault tests run fast (timeouts stay generous for busy CI machines). */
  createRouter(overrides?: Partial<LlmRouterOptions>): LlmRouter;
  close(): Promise<void>;
}

let accounts = 0;

export async function openRouterFixture(target: TestDatabaseTarget): Promise<RouterFixture> {
  const handle = await target.open();
  accounts += 1;
  const account = await createAccount(handle.db, { email: `router${accounts}@example.com`, password: "router password 1" });
  const fakes = await startFakeProviderSet();
  const routers: LlmRouter[] = [];
  return {
    handle,
    account,
    fakes,
    createRouter: (overrides = {}) => {
      const router = createLlmRouter({
        db: handle.db,
        environmentProviders: fakes.providers,
        resilience: { timeoutMs: 5_000, maxRetries: 1, initialBackoffMs: 5, maxBackoffMs: 20, maxRetryAfterMs: 2_000 },
        breaker: { failureThreshold: 50, cooldownMs: 60_000 },
        ...overrides,
      });
      routers.push(router);
      return router;
    },
    close: async () => {
      await Promise.all(routers.map((router) => router.flush()));
      await fakes.close();
      await handle.close();
    },
  };
}
