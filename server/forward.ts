import {
  request as httpRequest,
  type IncomingMessage,
  type ClientRequest,
} from "node:http";
import { request as httpsRequest } from "node:https";
import { Transform, type TransformCallback } from "node:stream";

/** ActionTrail's (or its stand-in's) answer, its body still arriving. */
export interface UpstreamAnswer {
  status: number;
  contentType: string;
  /** The declared Content-Length, when there is one (already checked against the limit). */
  length: number | undefined;
  body: IncomingMessage;
}

export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly kind: "timeout" | "unreachable" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends one signed RPC request and resolves when the answer's head arrives;
 * the body is streamed on by the caller (through `byteLimit`), so the gateway
 * never holds a whole answer. The time limit covers the whole exchange: past
 * it the body is cut. An answer that declares more than `maxBytes` is refused
 * before anything is passed on. Only the query string travels: no header of
 * the browser's (cookies, Authorization) is ever forwarded.
 */
export function openUpstream(
  url: URL,
  method: "GET" | "POST",
  options: { timeoutMs: number; maxBytes: number; signal?: AbortSignal },
): Promise<UpstreamAnswer> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let answered = false;
    let response: IncomingMessage | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: UpstreamError) => {
      if (!answered) {
        answered = true;
        cleanup();
        reject(error);
        req.destroy();
      } else {
        cleanup();
        response?.destroy(error);
      }
    };
    const req: ClientRequest = send(
      url,
      {
        method,
        headers: {
          Accept: "application/json",
          "User-Agent": "Trailscope-Gateway/0.1",
          ...(method === "POST" ? { "Content-Length": "0" } : {}),
        },
      },
      (res) => {
        const declared = Number(res.headers["content-length"] ?? Number.NaN);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          fail(
            new UpstreamError(
              "too-large",
              `the answer declares ${declared} bytes`,
            ),
          );
          res.destroy();
          return;
        }
        answered = true;
        response = res;
        res.once("close", cleanup);
        resolve({
          status: res.statusCode ?? 502,
          contentType:
            res.headers["content-type"] ?? "application/octet-stream",
          length: Number.isFinite(declared) ? declared : undefined,
          body: res,
        });
      },
    );
    const timer = setTimeout(
      () =>
        fail(
          new UpstreamError(
            "timeout",
            `no complete answer within ${options.timeoutMs} ms`,
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () =>
      fail(new UpstreamError("unreachable", "the client went away"));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (error) =>
      fail(new UpstreamError("unreachable", error.message)),
    );
    req.end();
  });
}

/**
 * Passes bytes through, failing past `maxBytes`, and hands the first few KiB
 * to `onHead` (the gateway logs the RequestId and error Code it finds there).
 */
export function byteLimit(
  maxBytes: number,
  onHead: (head: Buffer) => void,
  headBytes = 4096,
): Transform {
  let size = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  const flushHead = () => {
    if (headSize === 0 && head.length === 0) return;
    onHead(Buffer.concat(head).subarray(0, headBytes));
    head = [];
    headSize = -1;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      size += chunk.length;
      if (size > maxBytes) {
        done(
          new UpstreamError(
            "too-large",
            `the answer exceeded ${maxBytes} bytes`,
          ),
        );
        return;
      }
      if (headSize >= 0) {
        head.push(chunk);
        headSize += chunk.length;
        if (headSize >= headBytes) flushHead();
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (headSize > 0) flushHead();
      done();
    },
  });
}
