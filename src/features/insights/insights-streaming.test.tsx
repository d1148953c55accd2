import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { holdLookupsAfter } from "@/testing/hold-lookups";
import { renderApp } from "@/testing/render";

describe("Insights while its events are still being read", () => {
  it(
    "draws the overview from the first page, says it is still reading, and covers all events once the read is done",
    { timeout: 60_000 },
    async () => {
      const release = holdLookupsAfter(1);
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
      const release = holdLookupsAfter(1);
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
