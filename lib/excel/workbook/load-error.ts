/** Typed failure of loading a workbook file; `code` says why, the message what the user can do. */
export type WorkbookLoadErrorCode = "corrupt" | "encrypted" | "too_large" | "unsupported_format";

export class WorkbookLoadError extends Error {
  constructor(
    readonly code: WorkbookLoadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkbookLoadError";
  }
}
