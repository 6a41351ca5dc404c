/**
 * What kind of spreadsheet a file is, from its first bytes rather than its name, so an image renamed `.xlsx`
 * is refused before anything parses it.
 */
export type WorkbookFormat = "xlsx" | "xls" | "ods" | "csv";

export const ACCEPTED_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".ods", ".csv"] as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return false;
  for (const byte of sample) {
    if (byte === 0 || (byte < 0x09 && byte !== 0x08)) return false;
  }
  return true;
}

export function detectWorkbookFormat(fileName: string, bytes: Uint8Array): WorkbookFormat | { error: string } {
  const extension = fileName.slice(fileName.lastIndexOf(".")).toLowerCase();
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return { error: `"${fileName}" is not a spreadsheet. Upload an .xlsx, .xlsm, .xls, .ods or .csv file.` };
  }
  if (bytes.length === 0) return { error: `"${fileName}" is empty.` };
  if (startsWith(bytes, ZIP)) return extension === ".ods" ? "ods" : "xlsx";
  // Password-protected .xlsx files are OLE containers too; the parser reports them as encrypted.
  if (startsWith(bytes, OLE)) return "xls";
  if (extension === ".csv" && looksLikeText(bytes)) return "csv";
  return { error: `"${fileName}" is not a readable spreadsheet: its contents do not match its ${extension} extension.` };
}
