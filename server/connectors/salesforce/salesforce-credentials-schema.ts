import { z } from "zod";

/** Salesforce credentials as an admin enters them: an OAuth connected app with a user (password flow), or a token. */
export const salesforceCredentialsSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("password"),
      loginUrl: z.url().max(500).default("https://login.salesforce.com"),
      clientId: z.string().trim().min(1).max(500),
      clientSecret: z.string().min(1).max(500),
      username: z.string().trim().min(1).max(200),
      /** The user's password followed by their security token, as Salesforce's password flow expects. */
      password: z.string().min(1).max(500),
    })
    .strict(),
  z
    .object({
      kind: z.literal("token"),
      instanceUrl: z.url().max(500),
      accessToken: z.string().min(1).max(4_000),
    })
    .strict(),
]);
export type SalesforceCredentialsInput = z.input<typeof salesforceCredentialsSchema>;
