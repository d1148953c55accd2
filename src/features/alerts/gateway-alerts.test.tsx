import { configure, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { server, TEST_NOW } from "@mocks/node";
import type { GatewayInfo } from "@/api/client";
import type {
  GatewayDestination,
  GatewayFiring,
  GatewayRuleView,
  GatewayTrailNotice,
  GatewayWarning,
} from "@/api/schemas/alerts";
import { useAlertsStore } from "@/stores/alerts-store";
import { initSession, useSessionStore } from "@/stores/session-store";
import { renderApp } from "@/testing/render";

// The first render loads the lazy alerts screen and the header's alerts: allow for a busy machine.
configure({ asyncUtilTimeout: 10_000 });

const MIN = 60_000;

/** A stand-in for the gateway's `/api/_alerts/…` (server/alerts/routes.ts), fresh for each test. */
function fakeGateway(options: { refuseWrites?: string } = {}) {
  const rules: GatewayRuleView[] = [
    {
      id: "rule-1",
      name: "A trail stopped or deleted",
      source: { kind: "failures" },
      threshold: 1,
      windowMinutes: 30,
      scheduleMinutes: 15,
      severity: "critical",
      quietMinutes: 60,
      perIdentity: false,
      destinations: [],
      destinationIds: ["dest-1"],
      enabled: true,
      createdAt: TEST_NOW - 60 * MIN,
      lastRun: {
        at: TEST_NOW - 5 * MIN,
        windowStart: TEST_NOW - 35 * MIN,
        windowEnd: TEST_NOW - 5 * MIN,
        matched: 1,
        outcome: "fired",
        partial: false,
      },
      nextRunAt: TEST_NOW + 10 * MIN,
      failedDeliveries: 1,
      heldDeliveries: 0,
    },
  ];
  const destinations: GatewayDestination[] = [
    {
      id: "dest-1",
      name: "On-call DingTalk",
      kind: "dingtalk",
      target: "https://oapi.dingtalk.com/••••",
      secretSet: true,
      paused: false,
      deliveryConfirmations: false,
    },
  ];
  const firings: GatewayFiring[] = [
    {
      id: "fire-1",
      ruleId: "rule-1",
      ruleName: "A trail stopped or deleted",
      severity: "critical",
      at: TEST_NOW - 5 * MIN,
      windowStart: TEST_NOW - 35 * MIN,
      windowEnd: TEST_NOW - 5 * MIN,
      count: 1,
      events: [
        {
          id: "ev-1",
          name: "StopLogging",
          timeMs: TEST_NOW - 8 * MIN,
          region: "cn-hangzhou",
          userName: "ops\u202Etxt.exe",
        },
      ],
      deliveries: [],
    },
  ];
  const warnings: GatewayWarning[] = [
    {
      id: "warn-1",
      at: TEST_NOW - 4 * MIN,
      kind: "delivery-failed",
      destinationId: "dest-1",
      ruleId: "rule-1",
      firingId: "fire-1",
      detail:
        "Delivery to On-call DingTalk gave up after 5 attempts: DingTalk refused the message: 310000 sign not match",
    },
  ];
  const notices: GatewayTrailNotice[] = [
    {
      id: "trail-n-1",
      kind: "delivery-warning",
      at: TEST_NOW - 3 * MIN,
      trail: "audit-all-regions",
      level: "failing",
      code: "NoSuchBucket",
      detail: "NoSuchBucket: The specified bucket does not exist.",
      read: false,
    },
  ];
  const sent: { method: string; body: unknown }[] = [];
  const refuse = () =>
    HttpResponse.json(
      {
        Code: "NoPermission",
        Message: options.refuseWrites,
        RequestId: "req-1",
      },
      { status: 403 },
    );
  server.use(
    http.get("*/api/_alerts/rules", () => HttpResponse.json({ rules })),
    http.post("*/api/_alerts/rules", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push({ method: "POST", body });
      if (options.refuseWrites) return refuse();
      const rule = {
        ...(body as unknown as GatewayRuleView),
        id: `rule-${rules.length + 1}`,
        createdAt: TEST_NOW,
        lastRun: null,
        nextRunAt: TEST_NOW,
        failedDeliveries: 0,
        heldDeliveries: 0,
      };
      rules.push(rule);
      // Its first run fires at once.
      firings.unshift({
        ...firings[0]!,
        id: `fire-${firings.length + 1}`,
        ruleId: rule.id,
        at: TEST_NOW,
      });
      return HttpResponse.json(rule, { status: 201 });
    }),
    http.get("*/api/_alerts/destinations", () =>
      HttpResponse.json({ destinations }),
    ),
    http.get("*/api/_alerts/firings", () => HttpResponse.json({ firings })),
    http.get("*/api/_alerts/warnings", () => HttpResponse.json({ warnings })),
    http.get("*/api/_alerts/notices", () => HttpResponse.json({ notices })),
    http.post("*/api/_alerts/rules/:id/test", () =>
      HttpResponse.json({
        run: rules[0]!.lastRun,
        wouldFire: true,
        firing: firings[0],
        message: "[Trailscope critical] A trail stopped or deleted: 1 event",
      }),
    ),
  );
  return { sent };
}

function signInLive(gateway: Partial<GatewayInfo> = {}) {
  initSession("live", undefined, {
    mode: "live",
    accountLabel: "audit-prod",
    readOnly: false,
    alerts: true,
    user: "token",
    authMethod: "token",
    signOutPath: null,
    ...gateway,
  });
}

/** The browser's Notification API, allowed, recording the titles shown. */
function allowBrowserNotifications(): string[] {
  const shown: string[] = [];
  vi.stubGlobal(
    "Notification",
    Object.assign(
      function Notification(title: string) {
        shown.push(title);
      },
      { permission: "granted" },
    ),
  );
  return shown;
}

afterEach(() => vi.unstubAllGlobals());
afterEach(() =>
  useSessionStore.setState({
    mode: "mock",
    demo: undefined,
    demoState: undefined,
    gateway: undefined,
  }),
);

describe("alerts kept and run by the gateway (live mode)", () => {
  it("shows the gateway's rules, firings, delivery warnings and trail notices, and creates a rule on the gateway", async () => {
    const { sent } = fakeGateway();
    const shown = allowBrowserNotifications();
    signInLive();
    const { user } = renderApp("/alerts");
    const card = await screen.findByRole("article", {
      name: /A trail stopped or deleted/,
    });
    expect(within(card).getByText("Fired")).toBeVisible();
    expect(within(card).getByText(/On-call DingTalk/)).toBeVisible();
    expect(within(card).getByText(/1 delivery failed/)).toBeVisible();
    expect(
      screen.getByText(
        /The gateway keeps them and runs them on their schedule/,
      ),
    ).toBeVisible();
    // The browser runs nothing itself: no rule of its own, no run recorded here.
    expect(useAlertsStore.getState().rules).toEqual([]);

    await user.click(
      await screen.findByRole("button", { name: "Notifications, 3 unread" }),
    );
    const centre = await screen.findByRole("dialog", { name: "Notifications" });
    const firing = within(centre).getByRole("heading", {
      name: "A trail stopped or deleted",
    });
    expect(firing).toBeVisible();
    expect(
      within(centre).getByRole("link", { name: "StopLogging" }),
    ).toBeVisible();
    // Hostile event text shows its hidden characters.
    expect(within(centre).getByText("RLO")).toBeVisible();
    expect(
      within(centre).getByRole("heading", {
        name: "A notification could not be delivered",
      }),
    ).toBeVisible();
    expect(
      within(centre).getByRole("heading", {
        name: "Trail audit-all-regions failed to deliver",
      }),
    ).toBeVisible();
    await user.click(
      within(centre).getByRole("button", { name: "Mark all read" }),
    );
    expect(within(centre).getAllByRole("group", { name: "Read" })).toHaveLength(
      3,
    );
    await user.click(within(centre).getByRole("button", { name: "Close" }));

    await user.click(screen.getByRole("button", { name: "Create rule" }));
    const editor = await screen.findByRole("dialog", {
      name: "New alert rule",
    });
    await user.click(
      within(editor).getByRole("checkbox", { name: /On-call DingTalk/ }),
    );
    await user.click(within(editor).getByRole("button", { name: "Save rule" }));
    // The new rule comes back from the gateway beside the first.
    await waitFor(() =>
      expect(
        screen.getAllByRole("article", { name: /A trail stopped/ }),
      ).toHaveLength(2),
    );
    expect(sent).toEqual([
      {
        method: "POST",
        body: expect.objectContaining({
          name: "A trail stopped or deleted",
          destinationIds: ["dest-1"],
        }) as unknown,
      },
    ]);
    // The gateway's new firing reaches the browser's notifications; the old one is not repeated.
    await waitFor(() =>
      expect(shown).toEqual(["Alert: A trail stopped or deleted"]),
    );
  }, 60_000);

  it("tests a rule on the gateway and shows what it would send", async () => {
    fakeGateway();
    signInLive({ readOnly: true });
    const { user } = renderApp("/alerts");
    const card = await screen.findByRole("article", {
      name: /A trail stopped or deleted/,
    });
    await user.click(within(card).getByRole("button", { name: "Test" }));
    const result = await screen.findByRole("dialog", {
      name: /Test of A trail stopped or deleted over the last day/,
    });
    expect(
      await within(result).findByText("It would have sent this notification:"),
    ).toBeVisible();
  });

  it("keeps what was typed when the gateway refuses the change, and says why", async () => {
    const reason =
      "You are not authorized to do this action: this Trailscope gateway is read-only (auditor).";
    fakeGateway({ refuseWrites: reason });
    signInLive();
    const { user } = renderApp("/alerts");
    await user.click(
      await screen.findByRole("button", { name: "Create rule" }),
    );
    const editor = await screen.findByRole("dialog", {
      name: "New alert rule",
    });
    const name = within(editor).getByLabelText("Name");
    await user.clear(name);
    await user.type(name, "Trail watch for prod");
    await user.click(within(editor).getByRole("button", { name: "Save rule" }));
    expect(await within(editor).findByRole("alert")).toHaveTextContent(
      `The rule was not saved: ${reason}`,
    );
    expect(within(editor).getByLabelText("Name")).toHaveValue(
      "Trail watch for prod",
    );
  });

  it("shows a read-only gateway's rules disabled with the reason", async () => {
    fakeGateway();
    signInLive({ readOnly: true });
    renderApp("/alerts");
    await screen.findByRole("article", { name: /A trail stopped or deleted/ });
    expect(screen.getByText("Alert rules are read-only.")).toBeVisible();
    for (const name of ["Edit", "Switch off", "Delete"]) {
      const button = screen.getByRole("button", { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(/gateway is read-only/);
    }
  });
});
