import { expect, test } from "./fixtures";
import { GatewayLogin } from "./pages/live-gateway";
import { TrailsPages } from "./pages/trails";

// The gateway, its stand-ins and the simulated account run on the real clock: so does the page.
test.use({ startTime: null });

/**
 * Live mode: the trail wizard's bucket list comes from OSS ListBuckets and
 * GetBucketAcl through the signing gateway to the OSS stand-in (signatures
 * checked), with the trails the ActionTrail stand-in has. The list is held
 * back in the browser while the user types, as a slow OSS would be.
 */
test("the wizard lists the account's buckets through the gateway, keeps a name typed before the list came, marks a used bucket and warns of a public one", async ({
  page,
}) => {
  test.setTimeout(120_000);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/_oss/buckets", async (route) => {
    await gate;
    await route.continue();
  });

  const trails = new TrailsPages(page);
  await page.goto("/trails/new?region=cn-hangzhou");
  await new GatewayLogin(page).signIn();
  await expect(trails.stepHeading).toHaveText("Step 1 of 3: Basics");
  await trails.fillBasics("live-bucket-choice", /All events/);
  await trails.next("Delivery");
  await page.getByRole("checkbox", { name: /OSS bucket/ }).check();
  await page.getByRole("textbox", { name: "Bucket" }).fill("ops-logs-hz");

  const listed = page.waitForResponse((r) =>
    r.url().includes("/api/_oss/buckets"),
  );
  release();
  expect((await listed).status()).toBe(200);
  const bucket = page.getByRole("combobox", { name: "Bucket" });
  await expect(bucket).toHaveValue("ops-logs-hz");
  await expect(
    bucket.getByRole("option", {
      name: /trailscope-audit-archive .* used by trail org-audit-all/,
    }),
  ).toBeDisabled();

  await bucket.selectOption("finance-reports-2026");
  await expect(page.getByRole("alert")).toContainText(
    "This bucket is public (public-read)",
  );

  // A name the account does not list stays as typed, with a note.
  await page.getByRole("radio", { name: "Type a bucket name" }).check();
  const typed = page.getByRole("textbox", { name: "Bucket" });
  await typed.fill("audit-elsewhere-9");
  await expect(typed).toHaveAccessibleDescription(
    /“audit-elsewhere-9” is not among the buckets listed for this account/,
  );
});
