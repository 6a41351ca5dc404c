import { z } from "zod";

/** Salesforce REST payloads we read, validated at the edge. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.url(),
  token_type: z.string().optional(),
});

export const recordSchema = z.looseObject({
  attributes: z.object({ type: z.string(), url: z.string().optional() }).optional(),
  Id: z.string().optional(),
});
export type SalesforceRecord = z.infer<typeof recordSchema>;

export const queryResponseSchema = z.object({
  totalSize: z.number().int(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(recordSchema),
});

export const saveResultSchema = z.object({ id: z.string(), success: z.boolean(), errors: z.array(z.unknown()) });

export const errorListSchema = z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }));

/** Salesforce object and field API names: letters, digits and underscores (custom ones end in __c). */
export const apiNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, "Use a Salesforce API name such as Account or Invoice__c.");
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, "Salesforce ids are 15 or 18 letters and digits.");
