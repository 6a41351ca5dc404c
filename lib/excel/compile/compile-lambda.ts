/** LET, LAMBDA, ISOMITTED, variables and calls of lambda values: the forms that bind names. */
import type { CompileContext, CompileMode, NodeCompiler, Scope } from "@/lib/excel/compile/compile-context";
import { deref } from "@/lib/excel/compile/deref";
import type { EvalFn } from "@/lib/excel/engine/cell";
import type { Frame, Runtime } from "@/lib/excel/engine/runtime";
import type { FormulaNode } from "@/lib/excel/formula/ast";
import { buildInvocation } from "@/lib/excel/functions/invoke";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, isLambda, type LambdaValue, type Value } from "@/lib/excel/values";

function frameAt(rt: Runtime, depth: number): Frame | null {
  let frame = rt.env;
  for (let d = 0; d < depth && frame; d++) frame = frame.parent;
  return frame;
}

export function compileVariable(rt: Runtime, depth: number, index: number, ctx: CompileContext, mode: CompileMode): EvalFn {
  const arrayCtx = ctx.arrayCtx;
  return () => {
    const v = frameAt(rt, depth)?.vars[index] ?? null;
    return mode === "ref" ? v : deref(rt, v, arrayCtx);
  };
}

function variableName(node: FormulaNode | undefined): string | undefined {
  return node?.type === "name" && node.sheet === undefined ? node.name.toUpperCase() : undefined;
}

export function compileLet(args: FormulaNode[], ctx: CompileContext, mode: CompileMode, compile: NodeCompiler): EvalFn {
  if (args.length < 3 || args.length % 2 === 0) return () => Errors.VALUE;
  const rt = ctx.host.rt;
  const names: string[] = [];
  const scope: Scope = { names, parent: ctx.scope };
  const values: EvalFn[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const name = variableName(args[i]);
    if (!name) return () => Errors.VALUE;
    values.push(compile(args[i + 1] as FormulaNode, { ...ctx, scope }, "ref"));
    names.push(name);
  }
  const body = compile(args[args.length - 1] as FormulaNode, { ...ctx, scope }, mode);
  return () => {
    const saved = rt.env;
    const frame: Frame = { vars: new Array<Value>(values.length), parent: saved, omitted: null };
    rt.env = frame;
    for (let i = 0; i < values.length; i++) frame.vars[i] = (values[i] as EvalFn)();
    const result = body();
    rt.env = saved;
    return result;
  };
}

export function compileLambda(args: FormulaNode[], ctx: CompileContext, compile: NodeCompiler): EvalFn {
  if (args.length < 1) return () => Errors.VALUE;
  const rt = ctx.host.rt;
  const params: string[] = [];
  for (const node of args.slice(0, -1)) {
    const name = variableName(node);
    if (!name) return () => Errors.VALUE;
    params.push(name);
  }
  const scope: Scope = { names: params, parent: ctx.scope };
  const body = compile(args[args.length - 1] as FormulaNode, { ...ctx, scope, arrayCtx: true }, "value");
  return () => {
    const captured = rt.env;
    const lambda: LambdaValue = {
      kind: "lambda",
      params,
      call: (callArgs: (Value | undefined)[]) => {
        if (callArgs.length > params.length) return Errors.VALUE;
        const vars = params.map((_, i) => callArgs[i] ?? null);
        const omitted = params.map((_, i) => callArgs[i] === undefined);
        const saved = rt.env;
        rt.env = { vars, parent: captured, omitted };
        const result = body();
        rt.env = saved;
        return result;
      },
    };
    return lambda;
  };
}

export function compileIsOmitted(args: FormulaNode[], ctx: CompileContext): EvalFn {
  const name = variableName(args[0]);
  const rt = ctx.host.rt;
  let depth = 0;
  for (let s = ctx.scope; s && name; s = s.parent, depth++) {
    const index = s.names.indexOf(name);
    if (index >= 0) {
      const d = depth;
      return () => frameAt(rt, d)?.omitted?.[index] ?? false;
    }
  }
  return () => Errors.VALUE;
}

/** Calls a lambda-valued expression with arguments (`LAMBDA(x,x+1)(2)`, `LET(f, LAMBDA(...), f(1))`). */
export function compileInvoke(callee: EvalFn, args: FormulaNode[], ctx: CompileContext, mode: CompileMode, compile: NodeCompiler): EvalFn {
  const rt = ctx.host.rt;
  const argFns = args.map((a) => (a.type === "missing" ? null : compile(a, { ...ctx, arrayCtx: true }, "ref")));
  const arrayCtx = ctx.arrayCtx;
  return () => {
    const fn = callee();
    if (!isLambda(fn)) return fn instanceof ExcelError ? fn : Errors.VALUE;
    const result = fn.call(argFns.map((f) => (f ? f() : undefined)));
    return mode === "ref" ? result : deref(rt, result, arrayCtx);
  };
}

/**
 * A built-in function named as a value (`BYROW(A1:C3, SUM)`, stored `_xleta.SUM`): a lambda calling
 * the function with its arguments, through the same argument base as a written call.
 */
export function etaLambda(rt: Runtime, spec: FunctionSpec): LambdaValue {
  return {
    kind: "lambda",
    params: [],
    arity: [spec.minArgs, spec.maxArgs],
    call: (callArgs: (Value | undefined)[]) => {
      if (callArgs.length < spec.minArgs || callArgs.length > spec.maxArgs) return Errors.VALUE;
      return buildInvocation(rt, spec, callArgs.map((v) => (v === undefined ? null : () => v)))();
    },
  };
}
