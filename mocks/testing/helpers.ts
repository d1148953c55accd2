/** Small helpers for the simulated account's own tests. */
import { rpc } from "@/api/client";
import { ApiError } from "@/api/errors";
import type { Action, ParamsOf, ResultOf } from "@/api/operations";

/** Calls once (no retries) and returns the ApiError it fails with, or throws if it succeeds. */
export async function rpcError<A extends Action>(
  region: string,
  action: A,
  params: ParamsOf<A>,
): Promise<ApiError> {
  try {
    await rpc(region, action, params, { retry: { maxRetries: 0 } });
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${action} succeeded but an error was expected`);
}

export const once = <A extends Action>(
  region: string,
  action: A,
  params: ParamsOf<A>,
): Promise<ResultOf<A>> =>
  rpc(region, action, params, { retry: { maxRetries: 0 } });

export const isoSec = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const DAY = 86_400_000;
