import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount, TEST_NOW } from "@mocks/node";
import { usePrefsStore } from "@/stores/prefs-store";
import { currentUrl, renderApp } from "@/testing/render";

// TEST_NOW: Monday 2026-11-23, 11:00 in Beijing. The public bucket (g) was
// made public the day before at 16:45; the production instance (b) was
// stopped two days before.
const bucket = INCIDENTS.publicBucket;
const stopped = INCIDENTS.stoppedProdInstance;

describe("Findings over a range the user types", () => {
  beforeEach(() => {
    vi.setSystemTime(TEST_NOW);
    installAccount({ now: TEST_NOW });
    usePrefsStore.setState({ timeZone: "beijing" });
  });

  it(
    "refuses a start beyond 90 days keeping what was typed, then examines exactly the typed hour and says so",
    { timeout: 60_000 },
    async () => {
      const { user, router } = renderApp(
        "/insights/findings?region=cn-hangzhou",
      );
      const view = await screen.findByRole(
        "region",
        { name: "Findings" },
        { timeout: 20_000 },
      );
      await user.selectOptions(
        within(view).getByRole("combobox", { name: "Range" }),
        "Custom range…",
      );
      const form = within(view).getByRole("form", {
        name: "Custom time range",
      });
      const from = within(form).getByRole("textbox", { name: /^From/ });
      const to = within(form).getByRole("textbox", { name: /^To/ });

      await user.clear(from);
      await user.type(from, "2026-08-01 00:00:00");
      await user.clear(to);
      await user.type(to, "2026-08-02 00:00:00");
      await user.click(
        within(form).getByRole("button", { name: "Apply range" }),
      );
      expect(within(form).getByRole("alert")).toHaveTextContent(
        /ActionTrail keeps events for 90 days: the start is 115 days back/,
      );
      expect(from).toHaveValue("2026-08-01 00:00:00");
      expect(from).toHaveAttribute("aria-invalid", "true");
      expect(currentUrl(router)).not.toMatch(/from=/);

      await user.clear(from);
      await user.type(from, "2026-11-22 16:00:00");
      await user.clear(to);
      await user.type(to, "2026-11-22 16:59:59");
      await user.click(
        within(form).getByRole("button", { name: "Apply range" }),
      );
      expect(currentUrl(router)).toBe(
        "/insights/findings?region=cn-hangzhou&from=2026-11-22T08%3A00%3A00Z&to=2026-11-22T08%3A59%3A59Z",
      );
      // The whole result (rule findings may show before it) says what it examined.
      expect(
        await within(view).findByText(
          /^Looked at 2026-11-22 16:00:00 .*2026-11-22 16:59:59 .*\(both ends included\), \d+ regions: [\d,]+ events examined\.$/,
          {},
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
      expect(
        within(view).getByRole("article", {
          name: new RegExp(bucket.userName.replace(".", "\\.")),
        }),
      ).toBeInTheDocument();
      expect(
        within(view).getByText("Events from ActionTrail (LookupEvents)."),
      ).toBeInTheDocument();
      // Outside the typed hour: not looked at.
      expect(
        within(view).queryByRole("article", {
          name: new RegExp(stopped.userName.replace(".", "\\.")),
        }),
      ).toBeNull();
    },
  );

  it(
    "opens an absolute range from the URL with its ends in the fields",
    { timeout: 60_000 },
    async () => {
      renderApp(
        "/insights/findings?region=cn-hangzhou&from=2026-11-22T08%3A00%3A00Z&to=2026-11-22T08%3A59%3A59Z",
      );
      const view = await screen.findByRole(
        "region",
        { name: "Findings" },
        { timeout: 20_000 },
      );
      expect(
        within(view).getByRole("combobox", { name: "Range" }),
      ).toHaveDisplayValue("Custom range…");
      expect(within(view).getByRole("textbox", { name: /^From/ })).toHaveValue(
        "2026-11-22 16:00:00",
      );
      expect(within(view).getByRole("textbox", { name: /^To/ })).toHaveValue(
        "2026-11-22 16:59:59",
      );
      expect(
        await within(view).findByText(
          /^Looked at 2026-11-22 16:00:00/,
          undefined,
          {
            timeout: 30_000,
          },
        ),
      ).toBeInTheDocument();
    },
  );
});
