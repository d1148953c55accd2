import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { currentUrl, renderApp } from "@/testing/render";

describe("a shared search's time zone", () => {
  it("shows the sender's zone with a note, keeps the receiver's own setting, and goes back to it on request", async () => {
    usePrefsStore.setState({ timeZone: "beijing" });
    const { user, router } = renderApp(
      "/events?region=cn-hangzhou&range=24h&tz=browser%3AAmerica%2FNew_York",
    );
    const note = await screen.findByText(/as in the shared link/, undefined, {
      timeout: 8000,
    });
    expect(note).toHaveAttribute("role", "note");
    expect(note).toHaveTextContent(
      "Times on this page are in America/New_York (the sender's browser time), as in the shared link. Your own setting (Beijing time (UTC+8)) is unchanged.",
    );
    const grid = await screen.findByRole(
      "grid",
      { name: "Events" },
      { timeout: 8000 },
    );
    const firstRow = (await within(grid).findAllByRole("row"))[1]!;
    expect(within(firstRow).getAllByRole("gridcell")[1]).toHaveTextContent(
      /UTC-0[45]:00/,
    );
    expect(usePrefsStore.getState().timeZone).toBe("beijing");

    await user.click(
      within(note).getByRole("button", { name: "Show times in my own zone" }),
    );
    await waitFor(() => expect(currentUrl(router)).not.toMatch(/tz=/));
    expect(screen.queryByText(/as in the shared link/)).toBeNull();
    expect(
      within(within(grid).getAllByRole("row")[1]!).getAllByRole("gridcell")[1],
    ).toHaveTextContent(/UTC\+08:00/);
  });

  it("says nothing when the link's zone is the receiver's own", async () => {
    usePrefsStore.setState({ timeZone: "utc" });
    renderApp("/events?region=cn-hangzhou&range=24h&tz=UTC");
    await screen.findByRole("grid", { name: "Events" }, { timeout: 8000 });
    expect(screen.queryByText(/as in the shared link/)).toBeNull();
  });
});
