/**
 * msw 2 calls `registration.update()` without awaiting it when a worker is
 * already registered; after a quick reload the registration may be gone and
 * that promise rejects ("Failed to update a ServiceWorker … Not found").
 * The running worker keeps answering, so exactly that rejection is handled,
 * and a page error during tests always means a real error.
 */
export function ignoreWorkerUpdateFailure(event: PromiseRejectionEvent): void {
  const message: unknown = (event.reason as { message?: unknown } | null)
    ?.message;
  if (
    typeof event.reason === "object" &&
    typeof message === "string" &&
    message.startsWith("Failed to update a ServiceWorker")
  )
    event.preventDefault();
}
