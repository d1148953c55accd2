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

describe("the coverage map", () => {
  it("shows every region recorded while an all-region trail logs read and write events", async () => {
    setUpAccount();
    renderApp("/trails/coverage?region=cn-hangzhou");
    expect(
      await screen.findByText(/Every region and event type is recorded/),
    ).toBeInTheDocument();
    const matrix = screen.getByRole("table", {
      name: "Coverage by region and event type",
    });
    const row = within(matrix).getByRole("row", { name: /cn-hangzhou/ });
    expect(row).toHaveTextContent("Recorded to OSS, Log Service");
  });

  it("makes the gaps stand out, in words, when only stopped or fresh trails would record", async () => {
    const account = setUpAccount();
    account.trails.set("org-audit-all", {
      ...account.trails.get("org-audit-all")!,
      Status: "Disable",
    });
    renderApp("/trails/coverage?region=cn-hangzhou");
    const summary = await screen.findByText(
      /combinations are not recorded by any logging trail/,
    );
    expect(summary.closest("[role=status]")).toHaveTextContent(
      /Read events not recorded in any region/,
    );
    const matrix = screen.getByRole("table", {
      name: "Coverage by region and event type",
    });
    const hz = within(matrix).getByRole("row", { name: /cn-hangzhou/ });
    expect(within(hz).getAllByRole("cell")[0]).toHaveTextContent(
      "Not recorded (org-audit-all is stopped)",
    );
    expect(within(hz).getAllByRole("cell")[1]).toHaveTextContent(
      "Recorded to Log Service by security-writes-hz",
    );
    const eu = within(matrix).getByRole("row", { name: /eu-central-1/ });
    expect(eu).toHaveTextContent("eu-compliance-draft is not started");
  });
});
