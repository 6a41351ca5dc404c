import { inngest } from "@/inngest/client";
import { demoHelloRequested } from "@/inngest/events";

/** A small demonstration run for the Runs view: two steps, a short sleep, then a greeting. */
export const demoHello = inngest.createFunction(
  { id: "demo-hello", name: "Demo: say hello", triggers: [demoHelloRequested], retries: 2 },
  async ({ event, step }) => {
    const name = await step.run("normalise-name", () => event.data.name.trim());
    const letters = await step.run("count-letters", () => name.replace(/\s/g, "").length);
    await step.sleep("pause", "2s");
    return step.run("compose-greeting", () => `Hello, ${name}! Your name has ${letters} letters.`);
  },
);
