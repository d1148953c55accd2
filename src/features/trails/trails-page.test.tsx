import { configure, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useSessionStore } from "@/stores/session-store";
import { renderApp } from "@/testing/render";
import { setUpAccount } from "./trails-test-utils";

// The first render loads the lazy trails routes: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() =>
  useSessionStore.setState({ demo: undefined, demoState: undefined }),
);

describe("the trails page", () => {
  it("lists the region's trails with status badges, destinations and the quota", async () => {
    setUpAccount();
    renderApp("/trails?region=cn-hangzhou");
    const table = await screen.findByRole("table", {
      name: "Trails seen from cn-hangzhou",
    });
    const row = within(table).getByRole("row", { name: /org-audit-all/ });
    expect(within(row).getByText("Enable")).toHaveClass("badge", "ok");
    expect(row).toHaveTextContent("OSS, Log Service");
    expect(row).toHaveTextContent("All regions");
    expect(row).toHaveTextContent("Read and write events");
    expect(
      screen.getByText(/2 of 5 trails in this region/),
    ).toBeInTheDocument();
  });

  it("marks all-region trails of other regions as shadow copies, not counted in the quota", async () => {
    setUpAccount();
    renderApp("/trails?region=cn-shanghai");
    const table = await screen.findByRole("table", {
      name: "Trails seen from cn-shanghai",
    });
    const shadow = within(table).getByRole("row", { name: /org-audit-all/ });
    expect(within(shadow).getByText("Shadow copy")).toBeInTheDocument();
    expect(
      within(shadow).getByRole("link", { name: /org-audit-all/ }),
    ).toHaveAttribute("href", "/trails/org-audit-all?region=cn-hangzhou");
    expect(
      within(table).getByRole("row", { name: /ops-shanghai-trail/ }),
    ).not.toHaveTextContent("Shadow copy");
    expect(
      screen.getByText(/1 of 5 trails in this region/),
    ).toBeInTheDocument();
  });

  it("says when a region has no trail, and what that means", async () => {
    const account = setUpAccount();
    account.trails.clear();
    renderApp("/trails?region=cn-qingdao");
    expect(
      await screen.findByText("No trails in cn-qingdao"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/0 of 5 trails in this region/),
    ).toBeInTheDocument();
  });

  it("shows the service's error with a retry when the trails cannot be read", async () => {
    const account = setUpAccount();
    account.faults = { ...account.faults, errorRate: 1 };
    const { user } = renderApp("/trails?region=cn-hangzhou");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The trails could not be loaded");
    expect(alert).toHaveTextContent("InternalError");
    account.faults = { ...account.faults, errorRate: 0 };
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(
      await screen.findByRole("table", {
        name: "Trails seen from cn-hangzhou",
      }),
    ).toBeInTheDocument();
  });

  it("shows write actions as unavailable, with the reason, to a read-only identity", async () => {
    setUpAccount("auditor");
    renderApp("/trails?region=cn-hangzhou");
    const create = await screen.findByRole("button", { name: "Create trail" });
    expect(create).toHaveAttribute("aria-disabled", "true");
    expect(create).toHaveAccessibleDescription(
      /Write actions unavailable.*auditor \(read-only\)/,
    );
  });
});
