import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ArchiveRecord } from "@/lib/archive/archive-store";
import {
  importArchive,
  type ImportProgress,
} from "@/lib/archive/import-archive";
import { archiveStore } from "@/lib/archive/browser-store";
import type { ImportReply, ImportRequest, PickedFile } from "./import-messages";
import { sourcesOf } from "./import-sources";
import { ARCHIVES_KEY } from "./queries";

export type ImportState =
  | { status: "idle" }
  | { status: "running"; progress?: ImportProgress; label: string }
  | { status: "done"; record: ArchiveRecord; progress?: ImportProgress }
  | { status: "failed"; message: string; progress?: ImportProgress };

let nextId = 0;
const newArchiveId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `archive-${Date.now()}-${++nextId}`;

/**
 * Runs one import at a time: in a Web Worker where there is one (the
 * browser), else on the main thread (jsdom tests). Progress, the result
 * and the files refused stay visible until the next import.
 */
export function useArchiveImport() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState>({ status: "idle" });
  const cancelRef = useRef<(() => void) | undefined>(undefined);
  const workerRef = useRef<Worker | undefined>(undefined);
  useEffect(() => () => workerRef.current?.terminate(), []);

  const finish = useCallback(
    (next: ImportState) => {
      cancelRef.current = undefined;
      setState(next);
      void queryClient.invalidateQueries({ queryKey: ARCHIVES_KEY });
    },
    [queryClient],
  );

  const start = useCallback(
    (files: PickedFile[], label: string) => {
      const archiveId = newArchiveId();
      const startedAt = Date.now();
      const id = ++nextId;
      let last: ImportProgress | undefined;
      setState({ status: "running", label });
      if (typeof Worker === "undefined") {
        const controller = new AbortController();
        cancelRef.current = () => controller.abort();
        void (async () => {
          try {
            const { sources, refused } = await sourcesOf(files);
            const record = await importArchive(
              archiveStore(),
              sources,
              {
                archiveId,
                label,
                startedAt: new Date(startedAt),
                signal: controller.signal,
                onProgress: (progress) => {
                  last = progress;
                  setState({ status: "running", label, progress });
                },
              },
              refused,
            );
            finish({ status: "done", record, progress: last });
          } catch (error) {
            finish({
              status: "failed",
              message: (error as Error).message,
              progress: last,
            });
          }
        })();
        return;
      }
      const worker = (workerRef.current ??= new Worker(
        new URL("./import.worker.ts", import.meta.url),
        { type: "module" },
      ));
      const onMessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.type === "progress") {
          last = reply.progress;
          setState({ status: "running", label, progress: reply.progress });
          return;
        }
        worker.removeEventListener("message", onMessage);
        if (reply.type === "done")
          finish({ status: "done", record: reply.record, progress: last });
        else
          finish({ status: "failed", message: reply.message, progress: last });
      };
      worker.addEventListener("message", onMessage);
      cancelRef.current = () =>
        worker.postMessage({ type: "cancel", id } satisfies ImportRequest);
      worker.postMessage({
        type: "import",
        id,
        archiveId,
        label,
        startedAt,
        files,
      } satisfies ImportRequest);
    },
    [finish],
  );

  const cancel = useCallback(() => cancelRef.current?.(), []);
  return { state, start, cancel };
}
