import { z } from "zod";
import { parseAllowList } from "@/server/security/private-endpoint-allow-list";

/**
 * The validated environment: the only module that reads `process.env`.
 * Every variable is optional; unset ones select the embedded defaults described in the README.
 */
const optionalUrl = z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional());
const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());
const flag = z.preprocess(
  (value) => (value === undefined || value === "" ? undefined : ["1", "true", "yes"].includes(String(value).toLowerCase())),
  z.boolean().optional(),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalUrl,
  TEST_DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  AUTH_SECRET: optionalText,
  AUTH_URL: optionalUrl,
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_DEV: optionalText,
  INNGEST_EVENT_KEY: optionalText,
  INNGEST_SIGNING_KEY: optionalText,
  INNGEST_ALLOW_DEV_IN_PRODUCTION: flag,
  INNGEST_SERVE_ORIGIN: optionalUrl,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  TOGETHER_API_KEY: optionalText,
  TOGETHER_BASE_URL: optionalUrl,
  MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_ORGANISATION_PER_MINUTE: z.coerce.number().int().positive().default(1_000),
  RATE_LIMIT_SESSION_PER_MINUTE: z.coerce.number().int().positive().default(600),
  METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16, "use at least 16 characters").optional()),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /**
   * Private, loopback or link-local places that URLs entered in the product (model endpoints, connectors) may
   * reach, comma-separated: `host`, `host:port`, `address`, `address:port`, `[IPv6]:port` or a CIDR range,
   * e.g. `127.0.0.1:11434,10.0.0.0/8`. Everything else that is not a public address is refused.
   */
  ALLOWED_PRIVATE_ENDPOINTS: z.string().optional().transform((value, context) => {
    try {
      return parseAllowList(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
