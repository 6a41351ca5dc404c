"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { uploadWorkbookFile } from "@/components/workbooks/upload-workbook";

const ACCEPT = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv"];

export function WorkbookDropzone({ maxBytes, workbookId, label = "Drop an Excel workbook here" }: { maxBytes: number; workbookId?: string; label?: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
    if (!ACCEPT.includes(extension)) return setError(`"${file.name}" is not a spreadsheet. Use ${ACCEPT.join(", ")}.`);
    if (file.size > maxBytes) return setError(`"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB.`);
    setProgress(0);
    try {
      const uploaded = await uploadWorkbookFile(file, { workbookId, onProgress: setProgress });
      router.push(`/workbooks/${uploaded.workbookId}`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer.files[0]);
  }

  return (
    <div>
      <div
        role="button"
        tabIndex={0}
        aria-label={`${label}, or press Enter to choose a file`}
        data-testid="workbook-dropzone"
        onClick={() => input.current?.click()}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            input.current?.click();
          }
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50 dark:bg-brand-700/10" : "border-zinc-300 hover:border-zinc-400 dark:border-zinc-700"
        }`}
      >
        <p className="text-sm font-medium">{label}</p>
        <p className="mt-1 text-xs text-zinc-500">or click to choose one · {ACCEPT.join(" ")} · up to {(maxBytes / 1e6).toFixed(0)} MB</p>
        {progress !== null ? (
          <div className="mt-4 w-full max-w-xs" aria-live="polite">
            <progress className="h-2 w-full accent-brand-600" value={progress} max={1} aria-label="Upload progress" />
            <p className="mt-1 text-xs text-zinc-500">Uploading… {Math.round(progress * 100)}%</p>
          </div>
        ) : null}
      </div>
      <input ref={input} type="file" accept={ACCEPT.join(",")} className="sr-only" data-testid="workbook-file-input" onChange={(event) => void upload(event.target.files?.[0])} tabIndex={-1} />
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400" data-testid="upload-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
