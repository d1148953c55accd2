/// <reference lib="webworker" />
import {
  indexedDbArchiveStore,
  memoryArchiveStore,
} from "@/lib/archive/archive-store";
import { importArchive } from "@/lib/archive/import-archive";
import type { ImportReply, ImportRequest } from "./import-messages";
import { sourcesOf } from "./import-sources";

/**
 * Imports an archive off the main thread: files are read, decompressed,
 * parsed and stored here one at a time, so the console stays responsive
 * and holds only the progress.
 */
const store = indexedDbArchiveStore() ?? memoryArchiveStore();
const running = new Map<number, AbortController>();
const post = (reply: ImportReply) => self.postMessage(reply);

self.addEventListener("message", (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === "cancel") {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  void (async () => {
    try {
      const { sources, refused } = await sourcesOf(request.files);
      const record = await importArchive(
        store,
        sources,
        {
          archiveId: request.archiveId,
          label: request.label,
          startedAt: new Date(request.startedAt),
          signal: controller.signal,
          onProgress: (progress) =>
            post({ type: "progress", id: request.id, progress }),
        },
        refused,
      );
      post({ type: "done", id: request.id, record });
    } catch (error) {
      post({
        type: "error",
        id: request.id,
        message: (error as Error).message,
      });
    } finally {
      running.delete(request.id);
    }
  })();
});
