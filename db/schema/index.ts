export * from "@/db/schema/auth";
export * from "@/db/schema/organisations";
export * from "@/db/schema/api-keys";
export * from "@/db/schema/audit";
export * from "@/db/schema/llm";
export * from "@/db/schema/durable";
export * from "@/db/schema/chat";
export * from "@/db/schema/workbooks";
