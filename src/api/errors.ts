import { t } from "@lingui/core/macro";

/**
 * An ActionTrail refusal or a failure on the way to it. `code`, `message` and
 * `requestId` come from the service's error envelope when there is one;
 * client-side failures use Trailscope's own codes (`NetworkError`,
 * `InvalidResponse`).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: string;
  readonly status: number;
  readonly requestId: string;
  readonly hostId: string;
  readonly recommend: string;
  readonly action: string;
  readonly region: string;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    requestId?: string | undefined;
    hostId?: string | undefined;
    recommend?: string | undefined;
    action: string;
    region: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? "";
    this.hostId = init.hostId ?? "";
    this.recommend = init.recommend ?? "";
    this.action = init.action;
    this.region = init.region;
  }

  /** Throttling is answered with HTTP 400 and a `Throttling*` code, or 429. */
  get isThrottling(): boolean {
    return this.code.startsWith("Throttling") || this.status === 429;
  }

  get isServerError(): boolean {
    return this.status >= 500 || this.code === "NetworkError";
  }

  get isPermissionDenied(): boolean {
    return this.code === "NoPermission" || this.code === "Forbidden.RAM";
  }
}

export const isApiError = (error: unknown): error is ApiError =>
  error instanceof ApiError;

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException
    ? error.name === "AbortError"
    : (error as { name?: unknown } | null)?.name === "AbortError";

/** What a person should read for an error, whatever threw it. */
export function describeError(error: unknown): {
  title: string;
  code: string;
  message: string;
  requestId: string;
} {
  if (isApiError(error)) {
    const { action } = error;
    return {
      title: t`${action} failed`,
      code: error.code,
      message: error.message,
      requestId: error.requestId,
    };
  }
  if (error instanceof Error)
    return {
      title: t`Something went wrong`,
      code: error.name,
      message: error.message,
      requestId: "",
    };
  return {
    title: t`Something went wrong`,
    code: "Error",
    message: String(error),
    requestId: "",
  };
}
