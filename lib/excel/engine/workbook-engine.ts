/** The engine: cell storage, compilation, dependency index and recalculation over one workbook. */
import { EngineHost } from "@/lib/excel/engine/engine-host";
import { type Bounds, type Cell, CLEAN, type CompiledFormula, type Extent, type FormulaMode, SheetStore } from "@/lib/excel/engine/cell";
import { clearSpill } from "@/lib/excel/engine/commit-result";
import { Runtime } from "@/lib/excel/engine/runtime";
import { Scheduler } from "@/lib/excel/engine/schedule";
import { r1c1ToA1 } from "@/lib/excel/formula/r1c1";
import { parseAreaAddress, parseCellAddress } from "@/lib/excel/formula/references";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { DependentsIndex } from "@/lib/excel/graph/dependents-index";
import type { Workbook } from "@/lib/excel/workbook/model";
import { Errors, type Scalar } from "@/lib/excel/values";

export interface EngineOptions {
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly functions?: ReadonlyMap<string, FunctionSpec>;
  /** Filled with the milliseconds each loading phase took (for benchmarks). */
  readonly timings?: LoadTimings;
}

export interface LoadTimings {
  /** Cells and their values from the workbook model. */
  cells: number;
  parse: number;
  compile: number;
  /** The dependents index. */
  graph: number;
  /** The last `recalculateAll()`. */
  evaluate: number;
}

const clock = (): number => performance.now();

export class WorkbookEngine {
  readonly stores: SheetStore[];
  readonly rt: Runtime;
  readonly host: EngineHost;
  readonly index = new DependentsIndex();
  readonly scheduler: Scheduler;
  readonly formulaCells = new Set<Cell>();
  private readonly volatileCells = new Set<Cell>();
  private readonly blockedAnchors = new Set<Cell>();
  private readonly timings: LoadTimings | undefined;

  constructor(workbook: Workbook, functions: ReadonlyMap<string, FunctionSpec>, options: EngineOptions) {
    this.timings = options.timings;
    const extent: Extent = { maxRow: -1, maxCol: -1, clock: 0 };
    this.stores = workbook.sheets.map((sheet, i) => new SheetStore(sheet.name, i, extent, new Set(sheet.hiddenRows)));
    this.rt = new Runtime(this.stores, {
      date1904: workbook.date1904,
      now: options.now ?? (() => new Date()),
      random: options.random ?? Math.random,
      parseReference: (text, a1, origin) => {
        const store = this.rt.sheetByName(origin.sheet);
        if (!store) return Errors.REF;
        const a1Text = a1 ? text : r1c1ToA1(text, origin.row, origin.col);
        return a1Text === undefined ? Errors.REF : this.host.evaluateReferenceText(a1Text, store, origin.row, origin.col);
      },
    });
    this.host = new EngineHost(this.rt, functions, workbook);
    const { calc } = workbook;
    this.scheduler = new Scheduler(this.rt, this.index, {
      enabled: calc.iterate,
      maxIterations: calc.iterateCount,
      maxChange: calc.iterateDelta,
    });
    this.load(workbook);
  }

  private load(workbook: Workbook): void {
    const timings = this.timings;
    let t = timings ? clock() : 0;
    const lap = (phase: Exclude<keyof LoadTimings, "evaluate">): void => {
      if (!timings) return;
      const next = clock();
      timings[phase] = next - t;
      t = next;
    };
    const cells: Cell[] = [];
    const texts: string[] = [];
    const modes: FormulaMode[] = [];
    const areas: (Bounds | undefined)[] = [];
    workbook.sheets.forEach((sheet, i) => {
      const store = this.stores[i] as SheetStore;
      for (const [address, model] of sheet.cells) {
        const pos = parseCellAddress(address);
        if (!pos) continue;
        const cell = store.getOrCreate(pos.row, pos.col);
        cell.value = model.value;
        if (model.formula === undefined) continue;
        const area = model.arrayRange ? parseAreaAddress(model.arrayRange) : undefined;
        const mode: FormulaMode = model.dynamic ? "dynamic" : area ? "array" : "legacy";
        cells.push(cell);
        texts.push(model.formula);
        modes.push(mode);
        areas.push(mode === "array" ? area : undefined);
        if (area && (area.bottom > area.top || area.right > area.left)) this.adoptChildren(cell, area);
      }
    });
    lap("cells");
    const asts = texts.map((text) => this.host.parse(text));
    lap("parse");
    const formulas = cells.map((cell, k) => this.host.compileCell(cell, texts[k] as string, modes[k] as FormulaMode, areas[k], asts[k]));
    asts.length = 0;
    lap("compile");
    cells.forEach((cell, k) => this.install(cell, formulas[k] as CompiledFormula));
    lap("graph");
  }

  /** Cells of a saved array/spill area belong to their formula (their values are its cached results). */
  private adoptChildren(anchor: Cell, area: Bounds): void {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === anchor.row && c === anchor.col) continue;
        const child = anchor.sheet.getOrCreate(r, c);
        if (!child.formula) child.spilledFrom = anchor;
      }
    }
    anchor.spill = area;
  }

  attachFormula(cell: Cell, text: string, mode: FormulaMode, arrayArea: Bounds | undefined): void {
    this.install(cell, this.host.compileCell(cell, text, mode, arrayArea));
  }

  private install(cell: Cell, formula: CompiledFormula): void {
    cell.formula = formula;
    cell.spilledFrom = null;
    this.formulaCells.add(cell);
    this.index.add(cell, formula.deps);
    if (formula.volatile) this.volatileCells.add(cell);
  }

  private detachFormula(cell: Cell): void {
    const formula = cell.formula;
    if (!formula) return;
    this.index.remove(cell, formula.deps);
    clearSpill(cell, null, (changed) => this.scheduler.markDependentsDirty(changed));
    cell.formula = null;
    cell.state = CLEAN;
    this.formulaCells.delete(cell);
    this.volatileCells.delete(cell);
    this.blockedAnchors.delete(cell);
  }

  store(sheet: string | undefined): SheetStore | undefined {
    return sheet === undefined ? this.stores[0] : this.rt.sheetByName(sheet);
  }

  /** Edits make spill-blocked formulas and the formula that filled the edited cell worth another try. */
  private beforeEdit(cell: Cell): void {
    if (cell.spilledFrom) {
      this.scheduler.markDirty(cell.spilledFrom);
      cell.spilledFrom = null;
      cell.sheet.touch(cell.col);
    }
    for (const anchor of this.blockedAnchors) this.scheduler.markDirty(anchor);
  }

  setValue(cell: Cell, value: Scalar): void {
    this.beforeEdit(cell);
    this.detachFormula(cell);
    if (cell.value === value) return;
    cell.value = value;
    cell.sheet.touch(cell.col);
    this.scheduler.markDependentsDirty(cell);
  }

  setFormula(cell: Cell, text: string): void {
    this.beforeEdit(cell);
    this.detachFormula(cell);
    this.attachFormula(cell, text, "dynamic", undefined);
    this.scheduler.markDirty(cell);
  }

  recalculateAll(): void {
    const start = this.timings ? clock() : 0;
    this.scheduler.markAllDirty(this.formulaCells);
    this.run();
    this.scheduler.takeChanges();
    if (this.timings) this.timings.evaluate = clock() - start;
  }

  recalculate(): Set<Cell> {
    for (const cell of this.volatileCells) this.scheduler.markDirty(cell);
    this.run();
    return this.scheduler.takeChanges();
  }

  run(): void {
    this.scheduler.run();
    for (const cell of this.scheduler.pendingChanges) {
      if (cell.formula && cell.value === Errors.SPILL) this.blockedAnchors.add(cell);
      else this.blockedAnchors.delete(cell);
    }
  }
}
