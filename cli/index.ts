/**
 * The `candlefish` command line: `npm run --silent cli -- <command> ...`. It works on the same database as the
 * app (DATABASE_URL, or the embedded one under DATA_DIR, reached through the running app when it owns it).
 */
import { CliError } from "@/cli/args";
import type { Database } from "@/db/database";

const USAGE = `usage: npm run --silent cli -- <command>   (add --help after a command for its details)
  db migrate                                   apply pending database migrations
  users create --email <e> --password <p> [--role owner|admin|member] [--name <n>]
  apikey create --email <user email> [--name <label>]
  connector salesforce --email <admin e-mail> (--login-url <url> --client-id <id> --username <u> | --instance-url <url>) [--remove]
                                               store Salesforce credentials (secrets as JSON on stdin) or remove them
  excel eval <file> [--set 'Sheet!A1=<value>']... [--json]
                                               recompute every formula of a workbook and print the values
  excel transform <file> --framework react|vue|angular --out <dir>
                                               generate a standalone web app from a workbook`;

async function withDatabase(run: (db: Database) => Promise<string>): Promise<string> {
  const { getDatabaseHandle } = await import("@/db/client");
  const handle = await getDatabaseHandle();
  try {
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (group === "--help" || group === "-h" || group === "help") {
    console.log(USAGE);
    return 0;
  }
  const command = `${group ?? ""} ${action ?? ""}`.trim();
  switch (command) {
    case "db migrate":
      console.log(await withDatabase(async () => "migrations applied"));
      return 0;
    case "users create": {
      const { usersCreate } = await import("@/cli/commands/users-create");
      console.log(await withDatabase((db) => usersCreate(db, rest)));
      return 0;
    }
    case "apikey create": {
      const { apikeyCreate } = await import("@/cli/commands/apikey-create");
      console.log(await withDatabase((db) => apikeyCreate(db, rest)));
      return 0;
    }
    case "connector salesforce": {
      const { connectorSalesforce } = await import("@/cli/commands/connector-salesforce");
      const { getSecretKey } = await import("@/server/secrets/get-secret-key");
      const readStdin = async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString("utf8");
      };
      console.log(await withDatabase((db) => connectorSalesforce({ db, secretKey: getSecretKey, readStdin }, rest)));
      return 0;
    }
    case "excel eval": {
      const { excelEval } = await import("@/cli/commands/excel-eval");
      return excelEval(rest);
    }
    case "excel transform": {
      const { excelTransform } = await import("@/cli/commands/excel-transform");
      return excelTransform(rest);
    }
    default:
      throw new CliError(group ? `unknown command: ${command}\n${USAGE}` : USAGE, 2);
  }
}

dispatch(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`candlefish: ${message}`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
