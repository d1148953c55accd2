import { configure, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useSessionStore } from "@/stores/session-store";
import { useTrailDraftStore } from "@/stores/trail-draft-store";
import { renderApp } from "@/testing/render";
import { setUpAccount } from "../trails-test-utils";

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  useSessionStore.setState({ demo: undefined, demoState: undefined });
  useTrailDraftStore.getState().discardDraft();
});

describe("choosing the trail's bucket", () => {
  it("lists the account's buckets from OSS, marks those another trail uses and warns of a public one", async () => {
    setUpAccount();
    const { user } = renderApp("/trails/new?region=cn-hangzhou");
    await screen.findByRole("heading", { name: "Step 1 of 3: Basics" });
    await waitFor(() =>
      expect(screen.queryByText(/Loading/)).not.toBeInTheDocument(),
    );
    const name = screen.getByRole("textbox", { name: "Trail name" });
    await user.clear(name);
    await user.type(name, "bucket-choice-01");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" });
    await user.click(screen.getByRole("checkbox", { name: /OSS bucket/ }));

    const bucket = await screen.findByRole("combobox", { name: "Bucket" });
    const used = await within(bucket).findByRole("option", {
      name: /trailscope-audit-archive .* used by trail org-audit-all/,
    });
    expect(used).toBeDisabled();
    const publicOne = within(bucket).getByRole("option", {
      name: /finance-reports-2026 .* public \(public-read\)/,
    });
    expect(publicOne).toBeEnabled();
    // A deleted bucket is not offered.
    expect(
      within(bucket).queryByRole("option", { name: /ops-logs-sh-2024/ }),
    ).not.toBeInTheDocument();

    await user.selectOptions(bucket, "finance-reports-2026");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "This bucket is public (public-read)",
    );
    await user.selectOptions(bucket, "ops-logs-hz");
    expect(screen.queryByText(/This bucket is public/)).not.toBeInTheDocument();
  });
});
