/**
 * Evaluation order without recursion. Dirty formula cells are computed from an explicit stack: a formula
 * that reads an uncomputed cell aborts (NOT_READY), the cells it needs are pushed, and it is retried once
 * they are done. A needed cell that is already on the stack closes a cycle. With iterative calculation off,
 * Excel leaves its members at their last calculated value (0 when they have none); with it on, the members
 * are recalculated in sheet order, row by row, from their last values, up to the iteration count or until
 * no value changes by more than the maximum change.
 */
import { CLEAN, type Cell, DIRTY, ON_STACK } from "@/lib/excel/engine/cell";
import { commitResult, normalizeResult } from "@/lib/excel/engine/commit-result";
import { NOT_READY, type Runtime } from "@/lib/excel/engine/runtime";
import { toSingleScalar } from "@/lib/excel/compile/deref";
import type { DependentsIndex } from "@/lib/excel/graph/dependents-index";
import { Errors, type Value } from "@/lib/excel/values";

/** A dirty cell (and the cells its array fills) must no longer be served from cached area reads. */
function touchDirty(cell: Cell): void {
  const spill = cell.spill;
  if (spill) cell.sheet.touch(spill.left, spill.right);
  else cell.sheet.touch(cell.col);
}

/** Excel's order within an iteration: sheets in tab order, then rows, then columns. */
function bySheetOrder(a: Cell, b: Cell): number {
  return a.sheet.index - b.sheet.index || a.row - b.row || a.col - b.col;
}

export interface IterationSettings {
  readonly enabled: boolean;
  readonly maxIterations: number;
  readonly maxChange: number;
}

export class Scheduler {
  private readonly stack: Cell[] = [];
  private worklist: Cell[] = [];
  private next = 0;
  /** Every position whose value changed since the last `takeChanges()`. */
  private changes = new Set<Cell>();
  evaluations = 0;
  /**
   * Readers of a formula cell were marked dirty before it was computed; readers of the cells its array
   * fills may not have been (the spill area can grow), so those are marked now.
   */
  private readonly onChange = (cell: Cell): void => {
    this.changes.add(cell);
    if (cell.spilledFrom !== null || !cell.formula) this.markDependentsDirty(cell);
  };

  constructor(
    private readonly rt: Runtime,
    private readonly index: DependentsIndex,
    private readonly iteration: IterationSettings,
  ) {}

  /** Marks a formula cell dirty (and everything that reads it, transitively). */
  markDirty(cell: Cell): void {
    if (!cell.formula || cell.state !== CLEAN) return;
    cell.state = DIRTY;
    touchDirty(cell);
    this.worklist.push(cell);
    this.propagate([cell]);
  }

  /** Every one of `cells` (all formula cells) becomes dirty; their readers are among them already. */
  markAllDirty(cells: Iterable<Cell>): void {
    for (const cell of cells) {
      if (cell.state !== CLEAN) continue;
      cell.state = DIRTY;
      touchDirty(cell);
      this.worklist.push(cell);
    }
  }

  /** A position's value changed: everything that reads it becomes dirty. */
  markDependentsDirty(cell: Cell): void {
    this.propagate([cell]);
  }

  private propagate(start: Cell[]): void {
    const todo = start;
    const visit = (dependent: Cell): void => {
      if (dependent.state !== CLEAN) return;
      dependent.state = DIRTY;
      touchDirty(dependent);
      this.worklist.push(dependent);
      todo.push(dependent);
    };
    while (todo.length > 0) {
      const cell = todo.pop() as Cell;
      const sheet = cell.sheet.index;
      this.index.forEachDependent(sheet, cell.row, cell.col, visit);
      const spill = cell.formula ? cell.spill : null;
      if (spill) {
        for (let r = spill.top; r <= spill.bottom; r++) {
          for (let c = spill.left; c <= spill.right; c++) {
            if (r !== cell.row || c !== cell.col) this.index.forEachDependent(sheet, r, c, visit);
          }
        }
      }
    }
  }

  /** Positions changed since the last `takeChanges()`, without resetting. */
  get pendingChanges(): ReadonlySet<Cell> {
    return this.changes;
  }

  hasWork(): boolean {
    return this.next < this.worklist.length;
  }

  takeChanges(): Set<Cell> {
    const out = this.changes;
    this.changes = new Set();
    return out;
  }

  /** Computes every dirty cell. */
  run(): void {
    while (this.next < this.worklist.length) {
      const cell = this.worklist[this.next++] as Cell;
      if (cell.state === DIRTY) this.evaluate(cell);
    }
    this.worklist = [];
    this.next = 0;
  }

  private evaluate(root: Cell): void {
    const { stack, rt } = this;
    root.state = ON_STACK;
    root.waiter = null;
    stack.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Cell;
      if (top.state !== ON_STACK) {
        stack.pop();
        continue;
      }
      if (this.tryCompute(top)) {
        top.state = CLEAN;
        stack.pop();
        continue;
      }
      let pushed = false;
      let cycleTo: Cell | null = null;
      for (const needed of rt.pending) {
        if (needed.state === DIRTY) {
          needed.state = ON_STACK;
          needed.waiter = top;
          stack.push(needed);
          pushed = true;
        } else if (needed.state === ON_STACK) {
          cycleTo = needed;
        }
      }
      if (!pushed && cycleTo) this.resolveCycle(top, cycleTo);
    }
  }

  /** Evaluates and commits; false when the formula needs cells that are not computed yet. */
  private tryCompute(cell: Cell): boolean {
    const { rt } = this;
    const formula = cell.formula;
    if (!formula) return true;
    rt.setOrigin(cell);
    rt.pending.length = 0;
    this.evaluations++;
    try {
      commitResult(rt, cell, formula.fn(), this.onChange);
      return true;
    } catch (error) {
      if (error === NOT_READY) return false;
      commitResult(rt, cell, Errors.VALUE, this.onChange);
      return true;
    }
  }

  /** The cycle is `from`, its waiter, ... up to `to` (which `from` needs). */
  private resolveCycle(from: Cell, to: Cell): void {
    const members: Cell[] = [];
    let closed = false;
    for (let c: Cell | null = from; c; c = c.waiter) {
      members.push(c);
      if (c === to) {
        closed = true;
        break;
      }
    }
    if (!closed) {
      // `to` waits lower on the stack for an unrelated reason: no cycle, compute it now.
      to.waiter = from;
      this.stack.push(to);
      return;
    }
    if (!this.iteration.enabled) {
      for (const m of members) {
        commitResult(this.rt, m, m.value ?? 0, this.onChange);
        m.state = CLEAN;
      }
      return;
    }
    this.iterate(members.sort(bySheetOrder));
  }

  private iterate(members: Cell[]): void {
    const { rt } = this;
    rt.tolerant = true;
    try {
      for (let i = 0; i < this.iteration.maxIterations; i++) {
        let maxDelta = 0;
        for (const m of members) {
          const formula = m.formula;
          if (!formula) continue;
          rt.setOrigin(m);
          rt.pending.length = 0;
          this.evaluations++;
          let result: Value;
          try {
            result = formula.fn();
          } catch (error) {
            if (error !== NOT_READY) throw error;
            this.pushPending(m);
            return;
          }
          const value = normalizeResult(toSingleScalar(rt, result));
          const before = m.value;
          if (typeof value === "number" && typeof before === "number") maxDelta = Math.max(maxDelta, Math.abs(value - before));
          else if (value !== before) maxDelta = Infinity;
          if (value !== before) {
            m.value = value;
            m.sheet.touch(m.col);
            this.changes.add(m);
          }
        }
        if (maxDelta <= this.iteration.maxChange) break;
      }
      for (const m of members) m.state = CLEAN;
    } finally {
      rt.tolerant = false;
    }
  }

  private pushPending(waiter: Cell): void {
    for (const needed of this.rt.pending) {
      if (needed.state !== DIRTY) continue;
      needed.state = ON_STACK;
      needed.waiter = waiter;
      this.stack.push(needed);
    }
  }
}
