import "server-only";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";

export interface PreviewDocument {
  html: string;
  /** base64 SHA-256 of the one inline script, for the preview route's `script-src 'sha256-…'` policy. */
  scriptSha256: string;
}

/** Inline text must not close its own element early; `<\/` means the same in JavaScript and in CSS strings. */
function inlineSafe(text: string, tag: "script" | "style"): string {
  return text.replace(new RegExp(`</(${tag})`, "gi"), "<\\/$1");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Bundles a generated React project (path -> content, as generateProject returns it) into one
 * self-contained HTML document: the app's own code and React, minified, inline, nothing fetched.
 * React comes from the product's node_modules (the generated package.json pins the same version).
 */
export async function bundlePreview(files: ReadonlyMap<string, string>, title: string, nodeModules = resolve("node_modules")): Promise<PreviewDocument> {
  const dir = await mkdtemp(join(tmpdir(), "cf-preview-"));
  try {
    for (const [path, content] of files) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ["src/main.tsx"],
      bundle: true,
      write: false,
      outdir: "out",
      format: "iife",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      jsx: "automatic",
      nodePaths: [nodeModules],
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const script = inlineSafe(result.outputFiles.filter((file) => file.path.endsWith(".js")).map((file) => file.text).join("\n"), "script");
    const style = inlineSafe(result.outputFiles.filter((file) => file.path.endsWith(".css")).map((file) => file.text).join("\n"), "style");
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<div id="root"></div>
<script>${script}</script>
</body>
</html>
`;
    return { html, scriptSha256: createHash("sha256").update(script, "utf8").digest("base64") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
