import type { IncomingMessage } from "node:http";
import { Refusal } from "./envelope";

/**
 * Reads a request body up to `limit` bytes within `timeoutMs`. A body that
 * does not arrive in time is refused with RequestTimeout and `close`, so the
 * caller answers 408 in the envelope and then ends the connection (the rest
 * of the body is never waited for).
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limit)
    return Promise.reject(
      new Refusal(
        "RequestTooLarge",
        `The request body may be at most ${limit} bytes.`,
        { close: true },
      ),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Refusal) => {
      clearTimeout(timer);
      request.removeListener("data", onData);
      request.pause();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        stop(
          new Refusal(
            "RequestTimeout",
            `The request body did not arrive within ${Math.round(timeoutMs / 100) / 10} s.`,
            { close: true },
          ),
        ),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop(
          new Refusal(
            "RequestTooLarge",
            `The request body may be at most ${limit} bytes.`,
            { close: true },
          ),
        );
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    request.on("error", (error) =>
      stop(new Refusal("InvalidRequest", error.message.slice(0, 200))),
    );
  });
}
