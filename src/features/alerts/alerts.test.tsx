import { configure, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { createDemoControls } from "@mocks/demo-controls";
import { useAlertsStore } from "@/stores/alerts-store";
import { initSession, useSessionStore } from "@/stores/session-store";
import { renderApp } from "@/testing/render";

// The first render loads the lazy alerts screen and the header's alerts: allow for a busy machine.
configure({ asyncUtilTimeout: 10_000 });

function signIn(identity: "admin" | "auditor" = "admin") {
  const account = installAccount();
  account.identity = identity;
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

describe("alerts in the simulated account", () => {
  it("creates a rule from a starter, and a simulated stopped trail fires it into the notification centre with its event", async () => {
    signIn();
    const { user } = renderApp("/alerts");
    await user.click(
      await screen.findByRole("button", { name: "Create rule" }),
    );
    const editor = await screen.findByRole("dialog", {
      name: "New alert rule",
    });
    await user.selectOptions(
      within(editor).getByLabelText("Runs every"),
      "5 minutes",
    );
    await user.click(within(editor).getByRole("button", { name: "Save rule" }));
    const card = await screen.findByRole("article", {
      name: /A trail stopped or deleted/,
    });
    // It runs at once over the last 30 minutes: nothing has stopped yet.
    await within(card).findByText(
      "Below the threshold",
      {},
      { timeout: 10_000 },
    );
    expect(within(card).getByText(/checked every 5 minutes/)).toBeVisible();

    await user.click(screen.getByRole("link", { name: "Settings" }));
    await user.click(
      await screen.findByRole("button", { name: "Simulate: stop a trail" }),
    );
    expect(
      await screen.findByText(/StopLogging on .+ was recorded just now/),
    ).toBeVisible();

    const bell = await screen.findByRole(
      "button",
      { name: "Notifications, 1 unread" },
      { timeout: 10_000 },
    );
    await user.click(bell);
    const centre = await screen.findByRole("dialog", { name: "Notifications" });
    const unread = within(centre).getByRole("group", { name: "Unread" });
    expect(
      within(unread).getByRole("heading", {
        name: "A trail stopped or deleted",
      }),
    ).toBeVisible();
    const events = within(unread).getByRole("list", {
      name: "Events of this firing",
    });
    const link = within(events).getByRole("link", { name: "StopLogging" });
    expect(link.getAttribute("href")).toMatch(/^\/events\?region=.+&event=/);
    expect(within(unread).getByText("svc-backup-sync")).toBeVisible();

    await user.click(within(centre).getByRole("button", { name: "Mark read" }));
    expect(within(centre).getByRole("group", { name: "Read" })).toBeVisible();
    expect(
      screen.getByRole("button", { name: "Notifications" }),
    ).toBeInTheDocument();
  }, 60_000);

  it("tests a rule over the last day and shows what it would have sent, recording nothing", async () => {
    const { demo } = signIn();
    demo.simulateIncident("public-bucket");
    const { user } = renderApp("/alerts");
    await user.selectOptions(
      await screen.findByLabelText("Starter rule"),
      "An OSS bucket made public",
    );
    await user.click(screen.getByRole("button", { name: "Create rule" }));
    await user.click(
      within(await screen.findByRole("dialog")).getByRole("button", {
        name: "Save rule",
      }),
    );
    // Switched off, it does not run by itself; the test still runs it.
    await user.click(await screen.findByRole("button", { name: "Switch off" }));
    await user.click(screen.getByRole("button", { name: "Test" }));
    const result = await screen.findByRole("dialog", {
      name: /Test of An OSS bucket made public over the last day/,
    });
    expect(
      await within(result).findByText(
        "It would have sent this notification:",
        {},
        // A day of every region, through the rate limit.
        { timeout: 40_000 },
      ),
    ).toBeVisible();
    // The simulated one is the newest, first among the day's events.
    const links = within(result).getAllByRole("link", { name: "PutBucketAcl" });
    expect(links[0]).toBeVisible();
    expect(within(result).getAllByText("svc-backup-sync")[0]).toBeVisible();
    expect(useAlertsStore.getState().firings).toEqual([]);
  }, 60_000);

  it("shows the auditor the rules read-only, with the reason", async () => {
    signIn("auditor");
    useAlertsStore.getState().saveRule({
      id: "r1",
      name: "Root account sign-in",
      source: { kind: "failures" },
      threshold: 1,
      windowMinutes: 30,
      scheduleMinutes: 15,
      severity: "high",
      quietMinutes: 60,
      perIdentity: false,
      destinations: ["centre"],
      enabled: false,
      createdAt: Date.now(),
    });
    renderApp("/alerts");
    expect(await screen.findByText("Alert rules are read-only.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Create rule" })).toBeDisabled();
    for (const name of ["Edit", "Switch on", "Delete"]) {
      const button = screen.getByRole("button", { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(/auditor/);
    }
    // Testing changes nothing, so it stays offered.
    expect(screen.getByRole("button", { name: "Test" })).toBeEnabled();
  });
});
