import type { Database } from "@/db/database";

/** A database or an open transaction: the executor's store functions accept either. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Transaction;
