/** The name -> FunctionSpec map of every spreadsheet function; duplicate names are rejected at load. */
import { familiesA } from "@/lib/excel/functions/families-a";
import { familiesB } from "@/lib/excel/functions/families-b";
import { lambdaFunctions } from "@/lib/excel/functions/lambda-helpers";
import type { FunctionSpec } from "@/lib/excel/functions/types";

export function buildRegistry(groups: readonly (readonly FunctionSpec[])[]): ReadonlyMap<string, FunctionSpec> {
  const map = new Map<string, FunctionSpec>();
  for (const group of groups) {
    for (const spec of group) {
      if (map.has(spec.name)) throw new Error(`Spreadsheet function ${spec.name} is declared twice`);
      map.set(spec.name, spec);
    }
  }
  return map;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = buildRegistry([familiesA, familiesB, lambdaFunctions]);
