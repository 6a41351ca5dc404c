/**
 * PHONETIC(reference): the furigana of the top-left cell of a reference. The loader keeps no phonetic
 * runs, and Excel returns a cell's own text when it has none, so this is the cell's text.
 */
import { toText } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec, ReferenceArg } from "@/lib/excel/functions/types";
import { Errors, type Value } from "@/lib/excel/values";

function phonetic(ctx: EvalContext, reference: ReferenceArg): Value {
  const [area] = reference.areas;
  if (!area) return Errors.VALUE;
  const value = ctx.readAreaValues({ ...area, bottom: area.top, right: area.left })[0]?.[0] ?? null;
  return toText(value);
}

export const phoneticFunctions: FunctionSpec[] = [{ name: "PHONETIC", minArgs: 1, maxArgs: 1, args: ["reference"], impl: phonetic }];
