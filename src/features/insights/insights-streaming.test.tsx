import { screen, within } from "@testing-library/react";
import { http } from "msw";
import { server } from "@mocks/node";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";

/** Holds every LookupEvents call after the first until `release()`; the rest of the API answers as usual. */
function holdAfterFirstPage() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  server.use(
    http.get("*/api/:region/", async ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get("Action") !== "LookupEvents") return undefined;
      calls += 1;
      if (calls > 1) await gate;
      return undefined;
    }),
  );
  return release;
}

describe("Insights while its events are still being read", () => {
  it(
    "draws the overview from the first page, says it is still reading, and covers all events once the read is done",
    { timeout: 60_000 },
    async () => {
      const release = holdAfterFirstPage();
      renderApp("/insights?region=cn-hangzhou");
      const chart = await screen.findByRole(
        "region",
        { name: "Events over time" },
        { timeout: 30_000 },
      );
      expect(
        within(chart).getByText(
          /^Still reading: covers the [\d,]+ events of cn-hangzhou, last 24 hours, read so far \(up to 5,000\)/,
        ),
      ).toBeInTheDocument();
      release();
      expect(
        await within(chart).findByText(
          /^Covers [\d,]+ loaded events of cn-hangzhou, last 24 hours/,
          {},
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
    },
  );

  it(
    "lists a field's top values from the first page, then over every loaded event",
    { timeout: 60_000 },
    async () => {
      const release = holdAfterFirstPage();
      renderApp("/insights/fields?region=cn-hangzhou&field=user");
      const fields = await screen.findByRole(
        "region",
        { name: "Field statistics" },
        { timeout: 30_000 },
      );
      expect(
        await within(fields).findByText(
          /^Still reading: covers the [\d,]+ events read so far/,
          {},
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
      expect(
        within(fields).getByRole("table", { name: "Top values of User" }),
      ).toBeInTheDocument();
      release();
      expect(
        await within(fields).findByText(
          /^Covers the [\d,]+ loaded events only/,
          {},
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
    },
  );
});
