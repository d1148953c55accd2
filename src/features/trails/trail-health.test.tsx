import { configure, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useSessionStore } from "@/stores/session-store";
import { renderApp } from "@/testing/render";
import { setUpAccount } from "./trails-test-utils";

configure({ asyncUtilTimeout: 5000 });

afterEach(() =>
  useSessionStore.setState({ demo: undefined, demoState: undefined }),
);

describe("trail health in the trails list", () => {
  it("shows at a glance which trail delivers and which fails, with the service's error code", async () => {
    setUpAccount();
    renderApp("/trails?region=cn-shanghai");
    const table = await screen.findByRole("table", {
      name: "Trails seen from cn-shanghai",
    });
    const failing = within(table).getByRole("row", {
      name: /ops-shanghai-trail/,
    });
    // Its bucket was deleted: GetTrailStatus answers NoSuchBucket.
    const badge = await within(failing).findByText(
      "Delivery failing: NoSuchBucket",
    );
    expect(badge).toHaveClass("badge", "danger");
    expect(badge).toHaveAttribute(
      "title",
      expect.stringMatching(/^NoSuchBucket: /),
    );
    const healthy = within(table).getByRole("row", { name: /org-audit-all/ });
    expect(await within(healthy).findByText("Delivering")).toHaveClass(
      "badge",
      "ok",
    );
    expect(healthy).toHaveTextContent(/Delivering delivered /);
  });
});
