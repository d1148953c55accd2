import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { currentUrl, renderApp } from "@/testing/render";

describe("the console shell", () => {
  it("offers every region the service lists and puts the chosen one in the URL", async () => {
    const { user, router } = renderApp("/trails?region=cn-hangzhou");
    const switcher = await screen.findByRole("combobox", { name: "Region" });
    await waitFor(() =>
      expect(
        within(switcher).getAllByRole("option").length,
      ).toBeGreaterThanOrEqual(23),
    );
    expect(
      within(switcher).getByRole("option", {
        name: "Singapore · ap-southeast-1",
      }),
    ).toBeInTheDocument();
    await user.selectOptions(switcher, "ap-southeast-1");
    expect(currentUrl(router)).toContain("region=ap-southeast-1");
    expect(usePrefsStore.getState().lastRegion).toBe("ap-southeast-1");
  });

  it('offers "All regions" only on screens that fan out', async () => {
    const { user } = renderApp("/events?region=cn-hangzhou");
    expect(
      within(await screen.findByRole("combobox", { name: "Region" })).getByRole(
        "option",
        { name: "All regions" },
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Trails" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("combobox", { name: "Region" })).queryByRole(
          "option",
          { name: "All regions" },
        ),
      ).not.toBeInTheDocument(),
    );
  });

  it("says so when an address has no page, with ways back", async () => {
    renderApp("/no-such-page");
    expect(
      await screen.findByRole("heading", { name: "Page not found" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Search events" })).toHaveAttribute(
      "href",
      "/events",
    );
    expect(document.title).toBe("Page not found · Trailscope");
  });

  it("switches between light and dark themes and remembers the choice", async () => {
    const { user } = renderApp("/settings");
    await user.click(await screen.findByRole("radio", { name: "Dark" }));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(usePrefsStore.getState().theme).toBe("dark");
    await user.click(
      screen.getByRole("button", { name: "Switch to light theme" }),
    );
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("remembers the time zone preference", async () => {
    const { user } = renderApp("/settings");
    await user.click(await screen.findByRole("radio", { name: /^UTC/ }));
    expect(usePrefsStore.getState().timeZone).toBe("utc");
  });
});
