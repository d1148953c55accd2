import { configure, screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { server } from "@mocks/node";
import { useSessionStore } from "@/stores/session-store";
import { useTrailDraftStore } from "@/stores/trail-draft-store";
import { renderApp } from "@/testing/render";
import { setUpAccount } from "../trails-test-utils";

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  useSessionStore.setState({ demo: undefined, demoState: undefined });
  useTrailDraftStore.getState().discardDraft();
});

/** Holds the account's bucket list until `release()`, as a slow OSS ListBuckets would. */
function holdBucketList(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get("*/api/_oss/buckets", async () => {
      await gate;
      return undefined;
    }),
  );
  return release;
}

async function openDelivery(trail: string) {
  const { user } = renderApp("/trails/new?region=cn-hangzhou");
  await screen.findByRole("heading", { name: "Step 1 of 3: Basics" });
  const name = await screen.findByRole("textbox", { name: "Trail name" });
  await user.clear(name);
  await user.type(name, trail);
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Step 2 of 3: Delivery" });
  await user.click(screen.getByRole("checkbox", { name: /OSS bucket/ }));
  return user;
}

describe("a bucket name typed before the bucket list arrives", () => {
  it("is selected in the list when the list has it, and the field keeps the focus", async () => {
    setUpAccount();
    const release = holdBucketList();
    const user = await openDelivery("typed-early-01");
    const typed = screen.getByRole("textbox", { name: "Bucket" });
    await user.type(typed, "ops-logs-hz");
    release();
    const bucket = await screen.findByRole("combobox", { name: "Bucket" });
    expect(bucket).toHaveValue("ops-logs-hz");
    expect(bucket).toHaveFocus();
    expect(
      screen.getByRole("radio", { name: "An existing bucket" }),
    ).toBeChecked();
  });

  it("stays shown as typed, with a note, when the list does not have it", async () => {
    setUpAccount();
    const release = holdBucketList();
    const user = await openDelivery("typed-early-02");
    await user.type(
      screen.getByRole("textbox", { name: "Bucket" }),
      "audit-elsewhere-9",
    );
    release();
    expect(
      await screen.findByRole("radio", { name: "Type a bucket name" }),
    ).toBeChecked();
    const bucket = screen.getByRole("textbox", { name: "Bucket" });
    expect(bucket).toHaveValue("audit-elsewhere-9");
    expect(bucket).toHaveAccessibleDescription(
      /“audit-elsewhere-9” is not among the buckets listed for this account/,
    );
    // Typing goes on in the same field.
    await user.type(bucket, "0");
    expect(screen.getByRole("textbox", { name: "Bucket" })).toHaveValue(
      "audit-elsewhere-90",
    );
  });

  it("stays typed and is marked when another trail delivers to it", async () => {
    setUpAccount();
    const release = holdBucketList();
    const user = await openDelivery("typed-early-03");
    await user.type(
      screen.getByRole("textbox", { name: "Bucket" }),
      "trailscope-audit-archive",
    );
    release();
    expect(
      await screen.findByRole("radio", { name: "Type a bucket name" }),
    ).toBeChecked();
    const bucket = screen.getByRole("textbox", { name: "Bucket" });
    expect(bucket).toHaveValue("trailscope-audit-archive");
    expect(bucket).toHaveAccessibleDescription(
      /Trail org-audit-all already delivers to this bucket/,
    );
  });
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
