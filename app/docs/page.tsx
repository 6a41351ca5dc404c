import type { Metadata } from "next";
import Link from "next/link";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";

export const metadata: Metadata = { title: "API documentation" };

type Operation = { summary?: string; description?: string; requestBody?: unknown; responses: Record<string, { description: string }> };

export default function ApiDocsPage() {
  const document = buildOpenApiDocument("");
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold">{document.info.title}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{document.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable: <Link className="text-brand-600 underline" href="/api/openapi.json">/api/openapi.json</Link> (OpenAPI {document.openapi}).
      </p>
      <div className="mt-8 space-y-6">
        {Object.entries(document.paths).map(([path, methods]) =>
          Object.entries(methods as Record<string, Operation>).map(([method, operation]) => (
            <section key={`${method} ${path}`} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="api-operation">
              <h2 className="font-mono text-sm">
                <span className="mr-2 rounded bg-zinc-200 px-1.5 py-0.5 uppercase dark:bg-zinc-800">{method}</span>
                {path}
              </h2>
              <p className="mt-2 text-sm font-medium">{operation.summary}</p>
              {operation.description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{operation.description}</p> : null}
              {operation.requestBody ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer">Request body</summary>
                  <pre className="mt-2 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">{JSON.stringify(operation.requestBody, null, 2)}</pre>
                </details>
              ) : null}
              <ul className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
                {Object.entries(operation.responses).map(([status, response]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span> {response.description}
                  </li>
                ))}
              </ul>
            </section>
          )),
        )}
      </div>
    </main>
  );
}
