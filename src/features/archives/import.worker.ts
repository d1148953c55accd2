/// <reference lib="webworker" />
import {
  indexedDbArchiveStore,
  memoryArchiveStore,
} from "@/lib/archive/archive-store";
import {
  decodePool,
  type DecodeReply,
  type DecodeWorker,
} from "@/lib/archive/decode-file";
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
/** Decode workers: one per core, two at most (the import's own loop is light). */
const DECODERS = Math.max(
  1,
  Math.min(2, self.navigator.hardwareConcurrency || 1),
);

function decodeWorker(): DecodeWorker {
  const worker = new Worker(new URL("./decode.worker.ts", import.meta.url), {
    type: "module",
  });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onReply: (listener) =>
      worker.addEventListener("message", (e: MessageEvent<DecodeReply>) =>
        listener(e.data),
      ),
    onFailure: (listener) =>
      worker.addEventListener("error", (e: ErrorEvent) => {
        e.preventDefault();
        listener(e.message || "it could not start");
      }),
    terminate: () => worker.terminate(),
  };
}

/** A pool of decode workers, or none where a worker cannot start its own (decoding then runs here). */
function startPool() {
  if (typeof Worker === "undefined") return undefined;
  try {
    return decodePool(Array.from({ length: DECODERS }, decodeWorker));
  } catch {
    return undefined;
  }
}
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
    const pool = startPool();
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
          ...(pool ? { decode: pool.decode } : {}),
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
      pool?.close();
      running.delete(request.id);
    }
  })();
});
