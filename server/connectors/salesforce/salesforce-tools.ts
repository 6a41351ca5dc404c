import { z } from "zod";
import type { SalesforceClient } from "@/server/connectors/salesforce/salesforce-client";
import { apiNameSchema, recordIdSchema } from "@/server/connectors/salesforce/salesforce-schemas";
import { defineTool, type Tool } from "@/server/tools/tool";

const recordOutput = z.record(z.string(), z.unknown());
const fieldsInput = z.record(apiNameSchema, z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** The Salesforce connector's operations as agent tools; writes are destructive and need the user's approval. */
export function createSalesforceTools(client: SalesforceClient): Tool[] {
  return [
    defineTool({
      id: "salesforce.query",
      name: "Salesforce query",
      description: "Read Salesforce records (accounts, contacts, opportunities, leads, cases, custom objects) with a SOQL SELECT query.",
      category: "connector",
      timeoutMs: 30_000,
      inputSchema: z.object({
        soql: z.string().trim().regex(/^select\s/i, "Only SELECT queries are allowed.").max(4_000),
        maxRecords: z.number().int().positive().max(2_000).optional(),
      }),
      outputSchema: z.object({ totalSize: z.number(), records: z.array(recordOutput), truncated: z.boolean() }),
      execute: ({ soql, maxRecords }, { signal }) => client.query(soql, { maxRecords, signal }),
    }),
    defineTool({
      id: "salesforce.get_record",
      name: "Salesforce get record",
      description: "Fetch one Salesforce record by object name and id, optionally only some fields.",
      category: "connector",
      inputSchema: z.object({ object: apiNameSchema, id: recordIdSchema, fields: z.array(apiNameSchema).max(100).optional() }),
      outputSchema: recordOutput,
      execute: ({ object, id, fields }, { signal }) => client.getRecord(object, id, fields, signal),
    }),
    defineTool({
      id: "salesforce.create_record",
      name: "Salesforce create record",
      description: "Create a Salesforce record (e.g. a Lead, Contact, Opportunity or Task) with the given field values.",
      category: "connector",
      destructive: true,
      inputSchema: z.object({ object: apiNameSchema, fields: fieldsInput }),
      outputSchema: z.object({ id: z.string() }),
      execute: async ({ object, fields }, { signal }) => ({ id: await client.createRecord(object, fields, signal) }),
    }),
    defineTool({
      id: "salesforce.update_record",
      name: "Salesforce update record",
      description: "Change field values of an existing Salesforce record.",
      category: "connector",
      destructive: true,
      inputSchema: z.object({ object: apiNameSchema, id: recordIdSchema, fields: fieldsInput }),
      outputSchema: z.object({ updated: z.literal(true) }),
      execute: async ({ object, id, fields }, { signal }) => {
        await client.updateRecord(object, id, fields, signal);
        return { updated: true as const };
      },
    }),
    defineTool({
      id: "salesforce.delete_record",
      name: "Salesforce delete record",
      description: "Delete a Salesforce record by object name and id.",
      category: "connector",
      destructive: true,
      inputSchema: z.object({ object: apiNameSchema, id: recordIdSchema }),
      outputSchema: z.object({ deleted: z.literal(true) }),
      execute: async ({ object, id }, { signal }) => {
        await client.deleteRecord(object, id, signal);
        return { deleted: true as const };
      },
    }),
  ];
}
