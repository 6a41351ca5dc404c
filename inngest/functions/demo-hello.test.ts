import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { demoHello } from "@/inngest/functions/demo-hello";

/** Unit test of the demo function alone, with @inngest/test (no executor, no database). */
describe("demoHello", () => {
  const engine = (steps: { id: string; handler: () => unknown }[] = []) =>
    new InngestTestEngine({
      function: demoHello,
      events: [{ name: "demo/hello.requested", data: { organisationId: "org-1", name: "  Ada Lovelace " } }],
      // A sleep is not runnable; mocking it lets the run continue past it.
      steps: [{ id: "pause", handler: () => undefined }, ...steps],
    });

  it("greets the trimmed name and counts its letters, after sleeping", async () => {
    const { result, ctx } = await engine().execute();
    expect(result).toBe("Hello, Ada Lovelace! Your name has 11 letters.");
    expect(ctx.step.sleep).toHaveBeenCalledWith("pause", "2s");
  });

  it("normalises the name in its own step", async () => {
    const { result } = await engine().executeStep("normalise-name");
    expect(result).toBe("Ada Lovelace");
  });

  it("uses a mocked step result in the greeting", async () => {
    const { result } = await engine([{ id: "count-letters", handler: () => 99 }]).execute();
    expect(result).toBe("Hello, Ada Lovelace! Your name has 99 letters.");
  });
});
