import { configure, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useSessionStore } from "@/stores/session-store";
import { currentUrl, renderApp } from "@/testing/render";
import { setUpAccount } from "./trails-test-utils";

// The first render loads the lazy trails routes: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() =>
  useSessionStore.setState({ demo: undefined, demoState: undefined }),
);

describe("a trail's page", () => {
  it("shows its configuration, copyable ARN, where its events land and its delivery status", async () => {
    const account = setUpAccount();
    renderApp("/trails/org-audit-all?region=cn-hangzhou");
    expect(
      await screen.findByRole("heading", { name: "Trail org-audit-all" }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        `acs:actiontrail:cn-hangzhou:${account.info.accountId}:trail/org-audit-all`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Copy trail ARN" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "trailscope-audit-archive/audit-logs/AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/…",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("actiontrail_org-audit-all")).toBeInTheDocument();
    expect(
      screen.getByRole("link", { name: "See the events this trail records" }),
    ).toHaveAttribute("href", "/events?region=all&range=24h");
    const status = screen.getByRole("region", { name: "Logging and delivery" });
    expect(await within(status).findByText("On")).toBeInTheDocument();
    expect(
      within(status).getByText("Latest delivery to OSS").nextElementSibling,
    ).toHaveTextContent(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(
      within(status).getByText("Latest delivery to Log Service")
        .nextElementSibling,
    ).toHaveTextContent(/\d{4}-\d\d-\d\d/);
  });

  it("links a write-only trail to the write events of its region", async () => {
    setUpAccount();
    renderApp("/trails/security-writes-hz?region=cn-hangzhou");
    expect(
      await screen.findByRole("link", {
        name: "See the events this trail records",
      }),
    ).toHaveAttribute("href", "/events?region=cn-hangzhou&range=24h&rw=Write");
  });

  it("stops logging only after a warning, and starts it again", async () => {
    const account = setUpAccount();
    const { user } = renderApp("/trails/security-writes-hz?region=cn-hangzhou");
    await user.click(
      await screen.findByRole("button", { name: "Stop logging" }),
    );
    const dialog = screen.getByRole("dialog", { name: "Stop logging?" });
    expect(dialog).toHaveTextContent("will stop delivering events");
    await user.click(
      within(dialog).getByRole("button", { name: "Stop logging" }),
    );
    expect(
      await screen.findByRole("button", { name: "Start logging" }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(account.trails.get("security-writes-hz")?.Status).toBe("Disable"),
    );
    await user.click(screen.getByRole("button", { name: "Start logging" }));
    expect(
      await screen.findByRole("button", { name: "Stop logging" }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(account.trails.get("security-writes-hz")?.Status).toBe("Enable"),
    );
  });

  it("deletes only once the name is typed, warning when it is the only logging trail", async () => {
    const account = setUpAccount();
    const { user, router } = renderApp(
      "/trails/ops-shanghai-trail?region=cn-shanghai",
    );
    // org-audit-all is stopped: ops-shanghai-trail is then the only logging trail cn-shanghai sees.
    account.trails.set("org-audit-all", {
      ...account.trails.get("org-audit-all")!,
      Status: "Disable",
    });
    await user.click(await screen.findByRole("button", { name: "Delete…" }));
    const dialog = screen.getByRole("dialog", { name: "Delete trail?" });
    const confirm = within(dialog).getByRole("button", {
      name: "Delete trail",
    });
    await user.click(confirm);
    expect(account.trails.has("ops-shanghai-trail")).toBe(true);
    await user.type(
      within(dialog).getByRole("textbox", { name: /Type the trail name/ }),
      "ops-shanghai-trail",
    );
    await user.click(confirm);
    await waitFor(() =>
      expect(currentUrl(router)).toBe("/trails?region=cn-shanghai"),
    );
    expect(
      await screen.findByText("Trail ops-shanghai-trail deleted."),
    ).toBeInTheDocument();
    expect(account.trails.has("ops-shanghai-trail")).toBe(false);
  });

  it("warns that deleting the only logging trail leaves nothing delivering", async () => {
    const account = setUpAccount();
    account.trails.set("org-audit-all", {
      ...account.trails.get("org-audit-all")!,
      Status: "Disable",
    });
    const { user } = renderApp("/trails/ops-shanghai-trail?region=cn-shanghai");
    await user.click(await screen.findByRole("button", { name: "Delete…" }));
    expect(
      within(screen.getByRole("dialog", { name: "Delete trail?" })).getByRole(
        "alert",
      ),
    ).toHaveTextContent("only trail that is logging");
  });

  it("puts a refused delete back and says why", async () => {
    setUpAccount("auditor");
    const { user } = renderApp("/trails/security-writes-hz?region=cn-hangzhou");
    await user.click(await screen.findByRole("button", { name: "Try anyway" }));
    await user.click(screen.getByRole("button", { name: "Delete…" }));
    const dialog = screen.getByRole("dialog", { name: "Delete trail?" });
    await user.type(
      within(dialog).getByRole("textbox", { name: /Type the trail name/ }),
      "security-writes-hz",
    );
    await user.click(
      within(dialog).getByRole("button", { name: "Delete trail" }),
    );
    expect(
      await screen.findByText("The trail was not deleted"),
    ).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("NoPermission");
    expect(
      await screen.findByRole("region", { name: "Configuration" }),
    ).toBeInTheDocument();
  });

  it("edits what a trail records (UpdateTrail) with the name fixed", async () => {
    const account = setUpAccount();
    const { user, router } = renderApp(
      "/trails/security-writes-hz/edit?region=cn-hangzhou",
    );
    const name = await screen.findByRole("textbox", { name: "Trail name" });
    expect(name).toHaveAttribute("readonly");
    await user.click(screen.getByRole("radio", { name: /All events/ }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        "/trails/security-writes-hz?region=cn-hangzhou",
      ),
    );
    expect(account.trails.get("security-writes-hz")?.EventRW).toBe("All");
  });

  it("keeps the edit and shows the refusal on the field when the service refuses it", async () => {
    setUpAccount();
    const { user } = renderApp(
      "/trails/security-writes-hz/edit?region=cn-hangzhou",
    );
    await user.click(
      await screen.findByRole("checkbox", { name: /OSS bucket/ }),
    );
    await user.type(
      screen.getByRole("textbox", { name: "Bucket" }),
      "trailscope-audit-archive",
    );
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const bucket = screen.getByRole("textbox", { name: "Bucket" });
    await waitFor(() => expect(bucket).toHaveFocus());
    expect(bucket).toHaveValue("trailscope-audit-archive");
    expect(screen.getByRole("alert")).toHaveTextContent("RepeatOssBucket");
  });

  it("shows a refused change at once, then rolls it back and explains NoPermission", async () => {
    const account = setUpAccount("auditor");
    const { user } = renderApp(
      "/trails/eu-compliance-draft?region=eu-central-1",
    );
    const start = await screen.findByRole("button", { name: "Start logging" });
    expect(start).toHaveAttribute("aria-disabled", "true");
    expect(start).toHaveAccessibleDescription(/auditor \(read-only\)/);
    await user.click(start);
    expect(account.trails.get("eu-compliance-draft")?.Status).toBe("Fresh");
    await user.click(screen.getByRole("button", { name: "Try anyway" }));
    await user.click(start);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("NoPermission");
    expect(alert).toHaveTextContent("actiontrail:StartLogging");
    expect(alert).toHaveTextContent(/RequestId/);
    await waitFor(() => expect(screen.getByText("Fresh")).toBeInTheDocument());
    expect(
      screen.getByRole("button", { name: "Start logging" }),
    ).toBeInTheDocument();
  });
});
