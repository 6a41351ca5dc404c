/**
 * Compiles a formula syntax tree to a closure. Each formula cell is compiled once, with its position
 * known, so references resolve to sheet stores and preallocated reference values at compile time.
 */
import type { CompileContext, CompileMode, NodeCompiler } from "@/lib/excel/compile/compile-context";
import { findVariable } from "@/lib/excel/compile/compile-context";
import { compileInvoke, compileIsOmitted, compileLambda, compileLet, compileVariable, etaLambda } from "@/lib/excel/compile/compile-lambda";
import { compileAreas, compileRef, compileReferenceOperator, compileSpill, compileStructured } from "@/lib/excel/compile/compile-reference";
import { deref, isScalar, toSingleScalar } from "@/lib/excel/compile/deref";
import { liftBinary, liftUnary, negate, percent, SCALAR_OPS } from "@/lib/excel/compile/operators";
import type { EvalFn } from "@/lib/excel/engine/cell";
import type { Runtime } from "@/lib/excel/engine/runtime";
import type { FormulaNode } from "@/lib/excel/formula/ast";
import { argKindAt, buildInvocation, takesReference } from "@/lib/excel/functions/invoke";
import { arrayOf, Errors, ExcelError, isLambda, type Scalar, type Value } from "@/lib/excel/values";

const MAX_NAME_DEPTH = 32;

/**
 * "any" parameters keep the caller's context (so IF(range="x", ...) in a legacy formula intersects),
 * except in these functions, whose "any" parameters are arrays in Excel.
 */
const ARRAY_ANY_FUNCTIONS = new Set([
  ...["INDEX", "ROWS", "COLUMNS", "MAP", "REDUCE", "SCAN", "BYROW", "BYCOL", "MAKEARRAY", "TRANSPOSE", "AREAS"],
  // Array-typed parameters: SUMPRODUCT(A1:A3*B1:B3) multiplies whole ranges even in a legacy formula.
  ...["SUMPRODUCT", "SUMX2MY2", "SUMX2PY2", "SUMXMY2", "MMULT", "MDETERM", "MINVERSE", "FREQUENCY"],
  ...["CORREL", "PEARSON", "RSQ", "COVAR", "COVARIANCE.P", "COVARIANCE.S", "SLOPE", "INTERCEPT", "STEYX"],
  ...["LINEST", "LOGEST", "TREND", "GROWTH", "T.TEST", "TTEST", "F.TEST", "FTEST", "CHISQ.TEST", "CHITEST"],
]);

/** How a file stores a built-in function passed as a value (`_xleta.SUM`). */
const ETA_PREFIX = /^(?:_xlfn\.)?_xleta\./i;

function constant(v: Value): EvalFn {
  return () => v;
}

/**
 * A name: a LET/LAMBDA variable, a defined name, a table, or a built-in function named as a value. Files
 * store the last as `_xleta.SUM`; a bare `SUM` means it only where a call argument is expected
 * (`bareFunction`), so an undefined name elsewhere stays #NAME? as in Excel.
 */
function compileName(node: FormulaNode & { type: "name" }, ctx: CompileContext, mode: CompileMode, bareFunction = false): EvalFn {
  const rt = ctx.host.rt;
  if (node.sheet === undefined) {
    const variable = findVariable(ctx.scope, node.name);
    if (variable) return compileVariable(rt, variable.depth, variable.index, ctx, mode);
  }
  const scopeSheet = node.sheet === undefined ? ctx.sheet : rt.sheetByName(node.sheet);
  if (!scopeSheet) return constant(Errors.REF);
  const defined = ctx.host.definedName(node.name, scopeSheet, ctx.row, ctx.col);
  if (defined) {
    if (ctx.nameDepth >= MAX_NAME_DEPTH) return constant(Errors.NAME);
    return compileNode(defined.node, { ...ctx, sheet: defined.sheet, scope: null, nameDepth: ctx.nameDepth + 1 }, mode);
  }
  const table = node.sheet === undefined ? ctx.host.table(node.name, ctx.sheet, ctx.row, ctx.col) : undefined;
  if (table) {
    const bounds = { top: table.top + table.headerRows, left: table.left, bottom: table.bottom - table.totalsRows, right: table.right };
    return compileAreas(ctx, [{ store: table.sheet, bounds }], mode);
  }
  const eta = ETA_PREFIX.test(node.name);
  const builtIn = node.sheet === undefined && (eta || bareFunction) ? ctx.host.functions.get(node.name.replace(ETA_PREFIX, "").toUpperCase()) : undefined;
  if (builtIn) return constant(etaLambda(rt, builtIn));
  return constant(Errors.NAME);
}

function compileCall(node: FormulaNode & { type: "call" }, ctx: CompileContext, mode: CompileMode): EvalFn {
  const { name, args } = node;
  if (name === "LET") return compileLet(args, ctx, mode, compileArgument);
  if (name === "LAMBDA") return compileLambda(args, ctx, compileNode);
  if (name === "ISOMITTED") return compileIsOmitted(args, ctx);
  if (name === "SINGLE" && args.length === 1) return compileNode({ type: "unary", op: "@", arg: args[0] as FormulaNode }, ctx, mode);
  const spec = ctx.host.functions.get(name);
  if (!spec) {
    const callee: FormulaNode = { type: "name", name, sheet: undefined };
    const bound = findVariable(ctx.scope, name) ?? ctx.host.definedName(name, ctx.sheet);
    if (bound) return compileInvoke(compileNode(callee, ctx, "value"), args, ctx, mode, compileArgument);
    ctx.collector.unknownFunctions.push(name);
    return constant(Errors.NAME);
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) return constant(Errors.VALUE);
  const first = args[0];
  // OFFSET(#REF!, ...) (a deleted range) is that error on every recalculation: not worth recomputing as volatile.
  if (spec.volatile && first?.type === "error" && argKindAt(spec, 0) === "reference") return constant(ExcelError.of(first.code));
  if (spec.volatile) ctx.collector.volatile = true;
  const argFns = args.map((arg, i) => {
    if (arg.type === "missing") return null;
    const kind = argKindAt(spec, i);
    if (kind === "lazy") return compileArgument(arg, ctx, mode);
    if (kind === "any" && !ARRAY_ANY_FUNCTIONS.has(name)) return compileArgument(arg, ctx, "ref");
    if (takesReference(kind)) return compileArgument(arg, { ...ctx, arrayCtx: true }, "ref");
    return compileArgument(arg, ctx, "value");
  });
  const call = buildInvocation(ctx.host.rt, spec, argFns);
  return mode === "ref" ? call : derefFn(ctx.host.rt, call, ctx.arrayCtx);
}

/** A call argument: as any node, except that a bare function name is that function as a value. */
function compileArgument(node: FormulaNode, ctx: CompileContext, mode: CompileMode): EvalFn {
  return node.type === "name" ? compileName(node, ctx, mode, true) : compileNode(node, ctx, mode);
}

/** Its own factory so the closure captures these three only, not the compile context. */
function derefFn(rt: Runtime, call: EvalFn, arrayCtx: boolean): EvalFn {
  return () => deref(rt, call(), arrayCtx);
}

function compileBinary(node: FormulaNode & { type: "binary" }, ctx: CompileContext): EvalFn {
  const op = SCALAR_OPS[node.op];
  const left = compileNode(node.left, ctx, "value");
  const right = compileNode(node.right, ctx, "value");
  return () => {
    const l = left();
    const r = right();
    if (isScalar(l) && isScalar(r)) return op(l, r);
    if (isLambda(l) || isLambda(r)) return Errors.CALC;
    return liftBinary(op, l, r);
  };
}

function compileUnary(apply: (a: Scalar) => Scalar, argNode: FormulaNode, ctx: CompileContext): EvalFn {
  const arg = compileNode(argNode, ctx, "value");
  return () => {
    const v = arg();
    if (isScalar(v)) return apply(v);
    if (isLambda(v)) return Errors.CALC;
    return liftUnary(apply, v);
  };
}

export const compileNode: NodeCompiler = (node, ctx, mode) => {
  switch (node.type) {
    case "number":
    case "string":
    case "boolean":
      return constant(node.value);
    case "error":
      return constant(ExcelError.of(node.code));
    case "missing":
      return constant(null);
    case "array": {
      const rows = node.rows;
      const value = rows.length === 1 && rows[0]?.length === 1 ? (rows[0][0] ?? null) : arrayOf(rows);
      return constant(value);
    }
    case "ref":
      return compileRef(node, ctx, mode);
    case "structured":
      return compileStructured(node, ctx, mode);
    case "name":
      return compileName(node, ctx, mode);
    case "external": {
      ctx.collector.external = true;
      const cached = ctx.host.externalValue?.(node.text);
      return constant(cached === undefined ? Errors.REF : cached);
    }
    case "call":
      return compileCall(node, ctx, mode);
    case "invoke":
      return compileInvoke(compileNode(node.callee, ctx, "value"), node.args, ctx, mode, compileArgument);
    case "binary":
      return compileBinary(node, ctx);
    case "percent":
      return compileUnary(percent, node.arg, ctx);
    case "unary": {
      if (node.op === "-") return compileUnary(negate, node.arg, ctx);
      if (node.op === "+") return compileNode(node.arg, ctx, mode);
      const rt = ctx.host.rt;
      const arg = compileNode(node.arg, { ...ctx, arrayCtx: false }, "ref");
      return () => toSingleScalar(rt, arg());
    }
    case "range":
    case "intersect":
    case "union":
      return compileReferenceOperator(node, ctx, mode, compileNode);
    case "spill":
      return compileSpill(node.ref, ctx, mode);
  }
};
