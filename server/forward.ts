import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** What ActionTrail (or whatever answered in its place) sent back. */
export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: Buffer;
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
 * Sends one signed RPC request and reads the whole answer, within a time
 * limit and a size limit. Only the query string travels: no header of the
 * browser's (cookies, Authorization) is ever forwarded.
 */
export function sendUpstream(
  url: URL,
  method: "GET" | "POST",
  options: { timeoutMs: number; maxBytes: number; signal?: AbortSignal },
): Promise<UpstreamResponse> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (
      error: UpstreamError | undefined,
      value?: UpstreamResponse,
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = send(
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
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            finish(
              new UpstreamError(
                "too-large",
                `the answer exceeded ${options.maxBytes} bytes`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          finish(undefined, {
            status: res.statusCode ?? 502,
            contentType:
              res.headers["content-type"] ?? "application/octet-stream",
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", (error) =>
          finish(new UpstreamError("unreachable", error.message)),
        );
      },
    );
    const timer = setTimeout(
      () =>
        finish(
          new UpstreamError(
            "timeout",
            `no complete answer within ${options.timeoutMs} ms`,
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () =>
      finish(new UpstreamError("unreachable", "the client went away"));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (error) =>
      finish(new UpstreamError("unreachable", error.message)),
    );
    req.end();
  });
}
