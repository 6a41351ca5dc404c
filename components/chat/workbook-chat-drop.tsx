"use client";

import { useState, type DragEvent, type ReactNode } from "react";
import { uploadWorkbookFile } from "@/components/workbooks/upload-workbook";

/** Dropping a workbook on the chat uploads it (which starts its transformation) and tells the agent about it. */
export function WorkbookChatDrop({ children, onUploaded }: { children: ReactNode; onUploaded: (message: string) => void }) {
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    setStatus(`Uploading ${file.name}…`);
    try {
      const uploaded = await uploadWorkbookFile(file, { onProgress: (fraction) => setStatus(`Uploading ${file.name}… ${Math.round(fraction * 100)}%`) });
      setStatus(null);
      onUploaded(`I uploaded the workbook "${file.name}" (workbook id ${uploaded.workbookId}); it is being transformed into an app. What does it compute?`);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => void onDrop(event)}
      className={`h-full rounded-lg ${dragging ? "outline-2 outline-dashed outline-brand-500" : ""}`}
    >
      {status ? (
        <p role="status" className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
      ) : null}
      {children}
    </div>
  );
}
