import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import { AppError } from "@/server/errors/app-error";
import type { EndpointConfig } from "@/server/llm/build-providers";
import { deleteEndpointRow, insertEndpointRow, listEndpointRows } from "@/server/llm/llm-endpoint-repository";
import { decryptSecret, encryptSecret } from "@/server/secrets/secret-box";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export const addEndpointSchema = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(["anthropic", "openai"]),
  baseUrl: z.string().url().max(500).optional(),
  apiKey: z.string().min(1).max(500).optional(),
  models: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
});
export type AddEndpointInput = z.infer<typeof addEndpointSchema>;

/** An endpoint as admins see it: never the key, only whether one is stored. */
export interface EndpointSummary {
  id: string;
  providerId: string;
  name: string;
  kind: "anthropic" | "openai";
  baseUrl: string | null;
  models: string[];
  hasApiKey: boolean;
  createdAt: Date;
}

const keyContext = (organisationId: string) => `llm-endpoint:${organisationId}`;

/**
 * Stores an endpoint after its base URL passed the outbound guard (public address or allow-listed, no
 * credentials, no query string), so a bad URL is refused when it is entered, not only when it is called.
 */
export async function addEndpoint(db: Database, secretKey: Buffer, organisationId: string, input: AddEndpointInput, outbound: OutboundGuard): Promise<EndpointSummary> {
  const parsed = addEndpointSchema.parse(input);
  if (parsed.baseUrl) await outbound.checkUrl(parsed.baseUrl, { base: true });
  const existing = await listEndpointRows(db, organisationId);
  if (existing.some((row) => row.name === parsed.name)) throw new AppError("conflict", `An endpoint named "${parsed.name}" already exists. Pick another name.`);
  const row = await insertEndpointRow(db, {
    organisationId,
    name: parsed.name,
    kind: parsed.kind,
    baseUrl: parsed.baseUrl ?? null,
    encryptedApiKey: parsed.apiKey ? encryptSecret(secretKey, parsed.apiKey, keyContext(organisationId)) : null,
    models: parsed.models,
  });
  return summarise(row);
}

export async function listEndpoints(db: Database, organisationId: string): Promise<EndpointSummary[]> {
  return (await listEndpointRows(db, organisationId)).map(summarise);
}

export async function removeEndpoint(db: Database, organisationId: string, id: string): Promise<void> {
  if (!(await deleteEndpointRow(db, organisationId, id))) throw new AppError("not_found", "That endpoint no longer exists.");
}

/** The organisation's endpoints with their keys decrypted, for building providers. */
export async function loadEndpointConfigs(db: Database, secretKey: Buffer, organisationId: string): Promise<EndpointConfig[]> {
  return (await listEndpointRows(db, organisationId)).map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    apiKey: row.encryptedApiKey ? decryptSecret(secretKey, row.encryptedApiKey, keyContext(organisationId)) : null,
    models: row.models,
  }));
}

function summarise(row: Awaited<ReturnType<typeof listEndpointRows>>[number]): EndpointSummary {
  return {
    id: row.id,
    providerId: `endpoint:${row.id}`,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    models: row.models,
    hasApiKey: row.encryptedApiKey !== null,
    createdAt: row.createdAt,
  };
}
