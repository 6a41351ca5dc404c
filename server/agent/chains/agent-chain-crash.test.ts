import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/open-embedded";
import type { AgentChainOutput } from "@/server/agent/chains/agent-chain-schema";
import { createAccount } from "@/server/accounts/create-account";
import type { FakeLlmServer, FakeStep } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { stepsOf } from "@/test/durable/harness";

/**
 * SIGKILLs the process running an AgentChain while its second step waits for the model, starts a fresh process,
 * and checks the chain completes without asking the model for the finished first step again.
 */
const WORKER = path.join(process.cwd(), "test", "durable", "chain-crash-worker.ts");

function startWorker(dataDir: string, fakeUrl: string, mode: "send" | "resume", organisationId: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, dataDir, fakeUrl, mode, organisationId], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (line: string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(line)) {
      if (Date.now() > deadline) throw new Error(`worker never printed ${line}; output: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { child, exited, waitFor };
}

const taskOf = (body: Record<string, unknown>) => /Do the (\w+) part\./.exec(JSON.stringify(body.messages))?.[1] ?? "?";

describe("an AgentChain survives a crash of its process", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-chain-crash-"));
  let fake: FakeLlmServer;
  let organisationId: string;
  const asked: string[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({
      respond: (body): FakeStep => {
        const task = taskOf(body);
        asked.push(task);
        // The first request for the second step hangs long enough for the test to kill the process in it.
        if (task === "second" && asked.filter((entry) => entry === "second").length === 1) return { fault: "slow", delayMs: 15_000, reply: { text: "too late" } };
        return { text: `${task} done` };
      },
    });
    const handle = await openEmbedded(dataDir);
    organisationId = (await createAccount(handle.db, { email: "chain-crash@example.com", password: "chain crash password" })).organisationId;
    await handle.close();
  }, 60_000);
  afterAll(async () => {
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("resumes after the last finished step", async () => {
    const first = startWorker(dataDir, fake.url, "send", organisationId);
    for (let i = 0; i < 3600 && !asked.includes("second"); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(asked).toEqual(["first", "second"]);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startWorker(dataDir, fake.url, "resume", organisationId);
    await second.waitFor("COMPLETED");
    expect(await second.exited).toBe(0);
    expect(asked).toEqual(["first", "second", "second", "third"]);

    const handle = await openEmbedded(dataDir);
    try {
      const run = await handle.db.query.durableRuns.findFirst({ where: (runs, { eq }) => eq(runs.functionId, "test-app-agent-chain") });
      expect(run?.status).toBe("completed");
      const output = run?.output as AgentChainOutput;
      expect(output.steps.map((step) => [step.id, step.status, step.output])).toEqual([
        ["first", "succeeded", "first done"],
        ["second", "succeeded", "second done"],
        ["third", "succeeded", "third done"],
      ]);
      const steps = await stepsOf(handle.db, run!.id);
      expect(steps.find((step) => step.name === "chain-step-first")).toMatchObject({ status: "completed", attempts: 1 });
    } finally {
      await handle.close();
    }
  }, 180_000);
});
