import { RE2JS } from "re2js";

/**
 * A chain condition's `matches` pattern, compiled for RE2 (case-insensitive): matching takes time linear in the
 * text, whatever the pattern, so no pattern and no model output can stall the server the way a backtracking
 * regular expression can. RE2 has no backreferences or lookaround; a pattern using them is refused when the
 * chain is defined. Its program size is capped too, since matching time also grows with it.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 256;

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; reason: string };

const compiled = new Map<string, CompiledPattern>();
const MAX_CACHED = 256;

export function compileConditionPattern(pattern: string): CompiledPattern {
  let result = compiled.get(pattern);
  if (!result) {
    result = compile(pattern);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, result);
  }
  return result;
}

function compile(pattern: string): CompiledPattern {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return { ok: false, reason: `${detail} (patterns use RE2 syntax: no backreferences or lookaround)` };
  }
  if (regex.programSize() > MAX_PATTERN_PROGRAM_SIZE) {
    return { ok: false, reason: `the pattern is too complex (large repetition counts); simplify it` };
  }
  return { ok: true, regex };
}
