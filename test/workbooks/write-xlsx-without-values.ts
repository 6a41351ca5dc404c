/**
 * Writes a real .xlsx the way openpyxl and many generators do: every formula as `<f>` with an empty `<v/>`
 * (no cached value), text in the shared-string table, shared and array formulas as SpreadsheetML
 * writes them, and defined names. Excel computes such a workbook on open; so must we.
 *
 *   writeXlsxWithoutValues({
 *     sheets: { Data: { A1: 2, A2: "=A1*3", B1: { shared: "A1+1", ref: "B1:B3" }, C1: { array: "A1:A2*2", ref: "C1:C2" } } },
 *     names: [{ name: "Rate", formula: "0.05" }, { name: "Local", formula: "Data!$A$1", sheet: "Data" }],
 *   });
 */
import { writeZip } from "@/test/workbooks/write-zip";

/** A string starting with "=" is a formula (as in openpyxl); any other string is text. */
export type CellInput = number | string | boolean | SharedFormula | ArrayFormula;
/** A shared formula: written on the first cell of `ref` and shared by the others (relative references move). */
export interface SharedFormula {
  readonly shared: string;
  readonly ref: string;
}
/** An array (CSE) formula over `ref`, written on its first cell. */
export interface ArrayFormula {
  readonly array: string;
  readonly ref: string;
}
export interface DefinedNameInput {
  readonly name: string;
  readonly formula: string;
  /** Sheet name for a sheet-scoped name. */
  readonly sheet?: string;
}
export interface WorkbookInput {
  /** Sheets in order: sheet name -> A1 address -> cell. */
  readonly sheets: Readonly<Record<string, Readonly<Record<string, CellInput>>>>;
  readonly names?: readonly DefinedNameInput[];
  /** Part names to use instead of xl/workbook.xml and xl/worksheets/sheetN.xml (OPC allows any). */
  readonly partNames?: { readonly workbook?: string; readonly sheet?: (index: number) => string };
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const escape = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function position(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

function address(row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** `to` relative to the folder of `from` (both part names without a leading "/"). */
function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function sheetXml(cells: Readonly<Record<string, CellInput>>, strings: string[]): string {
  const written = new Map<string, string>();
  let shared = 0;
  for (const [at, input] of Object.entries(cells)) {
    if (typeof input === "number") written.set(at, `<c r="${at}" t="n"><v>${input}</v></c>`);
    else if (typeof input === "boolean") written.set(at, `<c r="${at}" t="b"><v>${input ? 1 : 0}</v></c>`);
    else if (typeof input === "string" && input.startsWith("=")) written.set(at, `<c r="${at}"><f>${escape(input.slice(1))}</f><v/></c>`);
    else if (typeof input === "string") written.set(at, `<c r="${at}" t="s"><v>${strings.push(input) - 1}</v></c>`);
    else if ("array" in input) written.set(at, `<c r="${at}"><f t="array" ref="${input.ref}">${escape(input.array)}</f><v/></c>`);
    else {
      const [first, last = first] = input.ref.split(":") as [string, string?];
      const a = position(first);
      const b = position(last);
      for (let r = a.row; r <= b.row; r++) {
        for (let c = a.col; c <= b.col; c++) {
          const head = r === a.row && c === a.col;
          const f = head ? `<f t="shared" ref="${input.ref}" si="${shared}">${escape(input.shared)}</f>` : `<f t="shared" si="${shared}"/>`;
          written.set(address(r, c), `<c r="${address(r, c)}">${f}<v/></c>`);
        }
      }
      shared++;
    }
  }
  const rows = new Map<number, [number, string][]>();
  for (const [at, xml] of written) {
    const { row, col } = position(at);
    rows.set(row, [...(rows.get(row) ?? []), [col, xml]]);
  }
  const body = [...rows]
    .sort((x, y) => x[0] - y[0])
    .map(([row, list]) => `<row r="${row}">${list.sort((x, y) => x[0] - y[0]).map(([, xml]) => xml).join("")}</row>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

export function writeXlsxWithoutValues(input: WorkbookInput): Uint8Array {
  const workbookPath = input.partNames?.workbook ?? "xl/workbook.xml";
  const sheetPath = input.partNames?.sheet ?? ((i: number) => `xl/worksheets/sheet${i + 1}.xml`);
  const names = Object.keys(input.sheets);
  const strings: string[] = [];
  const sheets = names.map((name, i) => ({ name, path: sheetPath(i), xml: sheetXml(input.sheets[name] ?? {}, strings) }));
  const folder = workbookPath.split("/").slice(0, -1).join("/");
  const stringsPath = `${folder ? `${folder}/` : ""}sharedStrings.xml`;
  const definedNames = (input.names ?? [])
    .map((n) => `<definedName name="${escape(n.name)}"${n.sheet !== undefined ? ` localSheetId="${names.indexOf(n.sheet)}"` : ""}>${escape(n.formula)}</definedName>`)
    .join("");
  const workbook = `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
    .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ""}<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}">${sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${relativeTarget(workbookPath, s.path)}"/>`)
    .join("")}<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="${relativeTarget(workbookPath, stringsPath)}"/></Relationships>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${workbookPath}" ContentType="${CT}.sheet.main+xml"/>${sheets
    .map((s) => `<Override PartName="/${s.path}" ContentType="${CT}.worksheet+xml"/>`)
    .join("")}<Override PartName="/${stringsPath}" ContentType="${CT}.sharedStrings+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${workbookPath}"/></Relationships>`;
  return writeZip([
    { name: "[Content_Types].xml", content: contentTypes },
    { name: "_rels/.rels", content: rootRels },
    { name: workbookPath, content: workbook },
    { name: relsPath(workbookPath), content: workbookRels },
    ...sheets.map((s) => ({ name: s.path, content: s.xml })),
    { name: stringsPath, content: sst },
  ]);
}
