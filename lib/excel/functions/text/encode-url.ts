/** ENCODEURL(text): percent-encodes everything but RFC 3986's unreserved characters, as UTF-8 bytes. */
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import type { Value } from "@/lib/excel/values";

function encodeUrl(_ctx: EvalContext, text: string): Value {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const encodeUrlFunctions: FunctionSpec[] = [{ name: "ENCODEURL", minArgs: 1, maxArgs: 1, args: ["string"], impl: encodeUrl }];
