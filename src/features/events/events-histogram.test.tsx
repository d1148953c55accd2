import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { currentUrl, renderApp } from "@/testing/render";

const prod = INCIDENTS.stoppedProdInstance;
const HOUR = 3_600_000;

describe("event search histogram", () => {
  it("narrows the search to a bar from the histogram's table view", async () => {
    const { user, router } = renderApp(
      `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}`,
    );
    const histogram = await screen.findByRole(
      "region",
      { name: "Events over time" },
      { timeout: 8000 },
    );
    expect(histogram).toHaveTextContent(/events from .* one bar per hour/);
    await user.click(
      within(histogram).getByRole("button", { name: "Show table" }),
    );
    const bars = within(histogram).getByRole("table");
    const narrow = within(bars).getAllByRole("button", {
      name: /^Narrow the search to /,
    });
    expect(narrow.length).toBeGreaterThan(0);
    await user.click(narrow[0]!);
    await waitFor(() => expect(currentUrl(router)).toMatch(/from=.*&to=/));
    const params = new URL(currentUrl(router), "http://x").searchParams;
    const span =
      Date.parse(params.get("to")!) - Date.parse(params.get("from")!);
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThanOrEqual(HOUR);
    expect(params.get("range")).toBeNull();
  });

  it("folds away and stays folded", async () => {
    const { user } = renderApp(
      `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}`,
    );
    const toggle = await screen.findByRole(
      "button",
      { name: "Events over time" },
      { timeout: 8000 },
    );
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("button", { name: "Show table" })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
  });
});

describe("field statistics from a column header", () => {
  it("lists the top values of the shown events and adds Only this as a condition", async () => {
    const { user, router } = renderApp(
      `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}`,
    );
    const grid = await screen.findByRole(
      "grid",
      { name: "Events" },
      { timeout: 8000 },
    );
    const opener = within(grid).getByRole("button", {
      name: "Field statistics: User",
    });
    await user.click(opener);
    // The statistics (and their charts) load on this first open.
    let dialog = await screen.findByRole(
      "dialog",
      { name: "Field statistics: User" },
      { timeout: 8000 },
    );
    expect(dialog).toHaveTextContent(prod.userName);
    // (jsdom's <dialog> has no Escape; the Playwright journey presses it.)
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(opener).toHaveFocus();

    await user.click(opener);
    dialog = await screen.findByRole("dialog", {
      name: "Field statistics: User",
    });
    await user.click(
      within(dialog).getByRole("button", {
        name: `Only User ${prod.userName}`,
      }),
    );
    await waitFor(() =>
      expect(currentUrl(router)).toContain(
        `f=User%3A${encodeURIComponent(prod.userName)}`,
      ),
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
