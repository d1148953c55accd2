import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Download } from "@playwright/test";
import { INCIDENTS } from "../mocks/data/incidents";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

const prod = INCIDENTS.stoppedProdInstance;

const read = async (download: Download) => readFile(await download.path());
const sha256 = (bytes: Buffer) =>
  createHash("sha256").update(bytes).digest("hex");

test.describe("Investigate", () => {
  test.describe.configure({ timeout: 90_000 });

  test("the production instance's resource view shows the stop, who did it and the StartInstance suggestion", async ({
    page,
  }) => {
    await page.goto("/investigate?mock-latency=0-0");
    await page
      .getByRole("searchbox", { name: /User, role, AccessKey/ })
      .fill(prod.instanceId);
    await page.getByRole("button", { name: "Investigate" }).click();
    const stop = page.getByRole("article", {
      name: new RegExp(`^StopInstance by ${prod.userName}`),
    });
    await expect(stop).toBeVisible({ timeout: 45_000 });
    await expect(
      stop.getByRole("link", { name: prod.userName, exact: true }),
    ).toBeVisible();
    await expect(stop.getByText(prod.sourceIp, { exact: true })).toBeVisible();
    await expect(
      stop.getByText(
        `aliyun ecs StartInstance --region ${prod.region} --InstanceId ${prod.instanceId}`,
      ),
    ).toBeVisible();
    await expect(
      stop.getByText(/review before running; Trailscope never runs it/),
    ).toBeVisible();
  });

  test("Detect automatically finds the instance by its name, says what it chose, and the note is accessible", async ({
    page,
  }) => {
    await page.goto("/investigate?mock-latency=0-0");
    await page
      .getByRole("searchbox", { name: /User, role, AccessKey/ })
      .fill(prod.instanceName);
    await page.getByRole("button", { name: "Investigate" }).click();
    const note = page.getByRole("status").filter({
      hasText: `Found as a resource: instance ${prod.instanceName} (${prod.instanceId})`,
    });
    await expect(note).toBeVisible({ timeout: 45_000 });
    await expect(page).toHaveURL(
      new RegExp(`/investigate/resource\\?name=${prod.instanceId}`),
    );
    await expect(
      page.getByRole("article", {
        name: new RegExp(`^StopInstance by ${prod.userName}`),
      }),
    ).toBeVisible({ timeout: 45_000 });
    await expectAccessible(page, "A resource found by Detect automatically");

    await page.goto("/investigate?mock-latency=0-0");
    await page
      .getByRole("searchbox", { name: /User, role, AccessKey/ })
      .fill("no-such-thing-42");
    await page.getByRole("button", { name: "Investigate" }).click();
    await expect(
      page.getByRole("link", { name: "Investigate resource no-such-thing-42" }),
    ).toBeVisible({ timeout: 45_000 });
    await expectAccessible(page, "Detect automatically with nothing found");
  });

  test("pins three events to a case and exports it with a manifest whose hashes match the files", async ({
    page,
  }) => {
    await page.goto(
      `/investigate/resource?name=${prod.instanceId}&mock-latency=0-0`,
    );
    await page
      .getByRole("textbox", { name: "New case" })
      .fill("Prod web stopped");
    await page.getByRole("button", { name: "Create case" }).click();
    const pins = page.getByRole("button", { name: /^Pin / });
    await expect(pins.first()).toBeVisible({ timeout: 45_000 });
    for (let i = 0; i < 3; i++) await pins.first().click();

    await page.getByRole("link", { name: /Open case/ }).click();
    await expect(
      page.getByRole("heading", { name: "Pinned events (3)" }),
    ).toBeVisible();
    await page
      .getByRole("textbox", { name: "Notes" })
      .fill("=cmd|' /C calc'!A0 stopped at lunch");
    await page.getByRole("button", { name: "Export case" }).click();
    const files = page.getByRole("region", { name: "Export files" });
    const texts: Record<string, Buffer> = {};
    for (const kind of ["JSON", "CSV", "manifest"]) {
      const downloading = page.waitForEvent("download");
      await files.getByRole("button", { name: `Download ${kind}` }).click();
      const download = await downloading;
      texts[download.suggestedFilename()] = await read(download);
    }
    const manifestName = Object.keys(texts).find((n) =>
      n.endsWith(".manifest.json"),
    )!;
    const manifest = JSON.parse(texts[manifestName]!.toString("utf8")) as {
      eventCount: number;
      searches: { href: string; from: string; to: string }[];
      files: { name: string; sha256: string; bytes: number }[];
    };
    expect(manifest.eventCount).toBe(3);
    expect(manifest.searches[0]?.href).toContain(
      `/investigate/resource?name=${prod.instanceId}`,
    );
    expect(
      Date.parse(manifest.searches[0]!.to) -
        Date.parse(manifest.searches[0]!.from),
    ).toBeGreaterThan(29 * 86_400_000);
    expect(manifest.files).toHaveLength(2);
    for (const file of manifest.files) {
      expect(texts[file.name], `${file.name} was downloaded`).toBeDefined();
      expect(sha256(texts[file.name]!)).toBe(file.sha256);
      expect(texts[file.name]!.byteLength).toBe(file.bytes);
    }
    const json = JSON.parse(
      texts[
        manifest.files.find((f) => f.name.endsWith(".json"))!.name
      ]!.toString("utf8"),
    ) as { events: unknown[] };
    expect(json.events).toHaveLength(3);
  });
});
