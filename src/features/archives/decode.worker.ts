/// <reference lib="webworker" />
import { answerDecode, type DecodeRequest } from "@/lib/archive/decode-file";

/**
 * Decodes one delivered file at a time for the import worker (hash,
 * gunzip, parse, compact); two of these run at once on a 2-core machine.
 * The file's bytes come transferred and its segment goes back transferred.
 */
self.addEventListener("message", (event: MessageEvent<DecodeRequest>) => {
  void answerDecode(event.data).then(({ reply, transfer }) =>
    self.postMessage(reply, transfer),
  );
});
