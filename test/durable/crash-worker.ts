/**
 * Child process for the crash test: opens the database (a PostgreSQL URL or a PGlite data directory), serves a
 * five-step function with a sleep through the embedded executor, optionally sends its trigger event, and prints
 * progress lines (`ENTER <step>`, `DONE <step>`, `SLEEPING`, `COMPLETED`) the parent uses to decide when to SIGKILL it.
 * A step waits a second before its side effect, so a kill after `ENTER` lands before the effect.
 */
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/database";
import { durableRuns } from "@/db/schema";
import { openEmbedded } from "@/db/open-embedded";
import { openPostgres } from "@/db/open-postgres";
import { createTestClient, startHarness } from "@/test/durable/harness";

const [target = "", mode = ""] = process.argv.slice(2);
const handle: DatabaseHandle = target.startsWith("postgres") ? await openPostgres(target, { maxConnections: 4 }) : await openEmbedded(target);
const { db } = handle;
await db.execute(sql`create table if not exists crash_side_effect (step text not null, pid int not null)`);

const client = createTestClient(() => db);
const say = (line: string) => process.stdout.write(`${line}\n`);
const effect = (name: string) => async () => {
  say(`ENTER ${name}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await db.execute(sql`insert into crash_side_effect (step, pid) values (${name}, ${process.pid})`);
  say(`DONE ${name}`);
  return name;
};
const crashy = client.createFunction({ id: "crashy", triggers: [{ event: "test/crash" }] }, async ({ step }) => {
  const done = [await step.run("s1", effect("s1")), await step.run("s2", effect("s2"))];
  await step.sleep("nap", "3s");
  done.push(await step.run("s3", effect("s3")), await step.run("s4", effect("s4")), await step.run("s5", effect("s5")));
  return done;
});

const harness = await startHarness(db, client, [crashy], {
  releaseLeasesOnStart: handle.driver === "pglite",
  leaseMs: 1000,
});
if (mode === "send") await client.send({ id: "crash-event", name: "test/crash", data: {} });
say("READY");

let reportedSleep = false;
for (;;) {
  const [run] = await db.select().from(durableRuns).where(eq(durableRuns.functionId, "test-app-crashy"));
  if (run?.status === "completed") break;
  if (run?.status === "sleeping" && !reportedSleep) {
    reportedSleep = true;
    say("SLEEPING");
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
say("COMPLETED");
await harness.stop();
await handle.close();
process.exit(0);
