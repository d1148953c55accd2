/**
 * A decode worker for `npm run bench:archive` (Node worker thread): the
 * same `answerDecode` the browser's decode worker runs.
 */
import { parentPort } from "node:worker_threads";
import {
  answerDecode,
  type DecodeRequest,
} from "../src/lib/archive/decode-file";

parentPort!.on("message", (request: DecodeRequest) => {
  void answerDecode(request).then(({ reply, transfer }) =>
    parentPort!.postMessage(reply, transfer),
  );
});
