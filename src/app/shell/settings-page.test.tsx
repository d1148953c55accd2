import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { rpc } from "@/api/client";
import { afterEach, describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { createDemoControls } from "@mocks/demo-controls";
import { initSession, useSessionStore } from "@/stores/session-store";
import { renderApp } from "@/testing/render";

// The documentation's events, copied into the repository (mocks/samples).
const samplesPath = resolve(
  process.cwd(),
  "mocks/samples/documented-events.json",
);

function signInToSimulatedAccount() {
  const account = installAccount();
  const demo = createDemoControls(account, undefined);
  initSession("mock", demo);
  return { account, demo };
}

afterEach(() =>
  useSessionStore.setState({
    mode: "mock",
    demo: undefined,
    demoState: undefined,
  }),
);

describe("settings of the simulated account", () => {
  it("loads the documentation's own events from a file and offers a search over exactly their span", async () => {
    signInToSimulatedAccount();
    const { user } = renderApp("/settings");
    const file = new File(
      [readFileSync(samplesPath)],
      "documented-events.json",
      { type: "application/json" },
    );
    await user.upload(await screen.findByLabelText("Events file"), file);
    const summary = await screen.findByText(/Showing 3 events from/);
    expect(summary).toHaveTextContent("documented-events.json");
    expect(summary).toHaveTextContent(
      "from 2021-01-01T00:00:00Z to 2021-08-05T09:21:32Z",
    );
    const link = screen.getByRole("link", { name: "Search these events" });
    expect(link.getAttribute("href")).toContain(
      "from=2021-01-01T00%3A00%3A00Z",
    );
    await user.click(
      screen.getByRole("button", { name: "Remove these events…" }),
    );
    const confirm = await screen.findByRole("dialog", {
      name: "Remove your events?",
    });
    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    await waitFor(() =>
      expect(screen.queryByText(/Showing 3 events/)).not.toBeInTheDocument(),
    );
  });

  it("says why a file that holds no events was refused, and keeps the current data", async () => {
    const { demo } = signInToSimulatedAccount();
    const { user } = renderApp("/settings");
    await user.upload(
      await screen.findByLabelText("Events file"),
      new File(['{"not":"an event"}\nnope'], "junk.jsonl"),
    );
    const alert = await screen.findByRole("alert");
    expect(
      within(alert).getByText("The file could not be read"),
    ).toBeInTheDocument();
    expect(alert).toHaveTextContent(/No event in junk.jsonl could be read/);
    expect(demo.getState().ownData).toBeUndefined();
  });

  it("switches the signed-in identity to the read-only auditor, and the account refuses writes", async () => {
    const { account } = signInToSimulatedAccount();
    const { user } = renderApp("/settings");
    await user.selectOptions(
      await screen.findByRole("combobox", { name: "Signed in as" }),
      "auditor",
    );
    expect(account.identity).toBe("auditor");
    await expect(
      rpc("cn-hangzhou", "StopLogging", { Name: "org-audit-all" }),
    ).rejects.toMatchObject({ code: "NoPermission", status: 403 });
  });

  it("makes a share of calls fail when asked, and back", async () => {
    const { account } = signInToSimulatedAccount();
    const { user } = renderApp("/settings");
    const slider = await screen.findByLabelText(
      "Calls throttled (Throttling.User)",
    );
    // jsdom has no keyboard behaviour for range inputs: set the value as the browser would.
    fireEvent.change(slider, { target: { value: "10" } });
    expect(account.faults.throttleRate).toBeCloseTo(0.1);
    await user.click(screen.getByRole("button", { name: "No faults" }));
    expect(account.faults.throttleRate).toBe(0);
  });
});
