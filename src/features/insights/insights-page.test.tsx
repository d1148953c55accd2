import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { renderApp } from "@/testing/render";

describe("Insights page", () => {
  it(
    "shows the incidents of the simulated account as detections",
    { timeout: 60_000 },
    async () => {
      // A larger account than the default test one, so each credential has a baseline to compare with.
      installAccount({ scale: 0.05 });
      renderApp("/insights?region=cn-hangzhou");
      const detections = await screen.findByRole(
        "region",
        { name: "Trailscope detections" },
        { timeout: 30_000 },
      );
      const leak = await within(detections).findByRole(
        "article",
        { name: new RegExp(INCIDENTS.leakedAccessKey.accessKeyId) },
        { timeout: 30_000 },
      );
      for (const ip of INCIDENTS.leakedAccessKey.sourceIps)
        expect(within(leak).getAllByText(ip).length).toBeGreaterThan(0);
      expect(
        within(detections).getByRole("article", {
          name: /wang\.fang stopped logging of trail prod-audit-trail/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /wang\.fang deleted trail prod-audit-trail/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /temp-contractor granted AdministratorAccess to user backup-admin/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /created an AccessKey for backup-admin/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /chen\.jie: 12 failed sign-ins, then a successful one/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /liu\.yang made bucket finance-reports-2026 public-read/,
        }),
      ).toBeInTheDocument();
    },
  );
});
