import { http } from "msw";
import { server } from "@mocks/node";

/**
 * Lets the first `free` LookupEvents calls through and holds every later one
 * until `release()` (the rest of the API answers as usual): a read stays
 * under way for as long as a test needs to look at what it shows so far.
 */
export function holdLookupsAfter(free: number): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  server.use(
    http.get("*/api/:region/", async ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get("Action") !== "LookupEvents") return undefined;
      calls += 1;
      if (calls > free) await gate;
      return undefined;
    }),
  );
  return release;
}
