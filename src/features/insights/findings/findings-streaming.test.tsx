import { screen } from "@testing-library/react";
import { http } from "msw";
import { server } from "@mocks/node";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";

/** Holds every LookupEvents call after the first `free` until `release()`. */
function holdAfter(free: number) {
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

describe("Findings while the read is under way", () => {
  it(
    "shows the rule findings of what was read so far and says the behaviour detections wait, then the whole result",
    { timeout: 90_000 },
    async () => {
      const release = holdAfter(40);
      renderApp("/insights/findings");
      const note = await screen.findByText(
        /^Still reading: [\d,]+ events so far\. Rule findings are shown as the read goes/,
        {},
        { timeout: 45_000 },
      );
      expect(note).toHaveAttribute("role", "status");
      release();
      expect(
        await screen.findByText(
          /^Looked at .* \(both ends included\), \d+ regions: [\d,]+ events examined\./,
          {},
          { timeout: 60_000 },
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/^Still reading:/)).toBeNull();
    },
  );
});
