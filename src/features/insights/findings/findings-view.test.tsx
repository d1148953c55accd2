import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount, TEST_NOW } from "@mocks/node";
import { currentUrl, renderApp } from "@/testing/render";
import { useFindingsStore } from "@/stores/findings-store";

describe("Findings view", () => {
  it(
    "finds the incidents over the chosen range, and keeps a dismissal with its reason until shown again",
    { timeout: 60_000 },
    async () => {
      vi.setSystemTime(TEST_NOW);
      installAccount({ now: TEST_NOW });
      const { user, router } = renderApp(
        "/insights/findings?region=cn-hangzhou",
      );
      const view = await screen.findByRole(
        "region",
        { name: "Findings" },
        { timeout: 20_000 },
      );
      const nameRe = new RegExp(
        INCIDENTS.publicBucket.userName.replace(".", "\\."),
      );
      // Rule findings show while the read goes on; the whole result says what it examined.
      expect(
        await within(view).findByText(
          /events examined/,
          {},
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
      const bucket = within(view).getByRole("article", { name: nameRe });

      await user.type(
        within(bucket).getByLabelText("Reason"),
        "change ticket 42",
      );
      await user.click(within(bucket).getByRole("button", { name: "Dismiss" }));
      expect(within(view).queryByRole("article", { name: nameRe })).toBeNull();
      expect(
        within(view).getByText("1 acknowledged or dismissed hidden."),
      ).toBeInTheDocument();
      expect(JSON.stringify(useFindingsStore.getState().decisions)).toContain(
        "change ticket 42",
      );

      await user.click(
        within(view).getByLabelText("Show acknowledged and dismissed"),
      );
      const shown = within(view).getByRole("article", { name: nameRe });
      expect(
        within(shown).getByText("Dismissed: change ticket 42"),
      ).toBeInTheDocument();
      await user.click(within(shown).getByRole("button", { name: "Reopen" }));
      expect(
        within(shown).getByRole("button", { name: "Dismiss" }),
      ).toBeInTheDocument();

      await user.selectOptions(within(view).getByLabelText("Range"), "30");
      expect(currentUrl(router)).toMatch(/days=30/);
      await within(view).findByRole(
        "article",
        { name: nameRe },
        { timeout: 30_000 },
      );
    },
  );
});
