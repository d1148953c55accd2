import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { holdLookupsAfter } from "@/testing/hold-lookups";
import { renderApp } from "@/testing/render";

describe("Findings while the read is under way", () => {
  it(
    "shows the rule findings of what was read so far and says the behaviour detections wait, then the whole result",
    { timeout: 90_000 },
    async () => {
      const release = holdLookupsAfter(40);
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
