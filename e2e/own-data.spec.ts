import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, openConsole, test } from "./fixtures";

/**
 * A visitor's own events are a workspace: loaded once in Settings, kept in
 * the browser (IndexedDB) across reloads and full page loads until removed,
 * shown as their account, and never put at risk by a bad file.
 */

const ACCOUNT = "1987654321098765";

/** Events of one account at fixed times (the file's span is searched, so no clock is read). */
function teamEvents(): Record<string, unknown>[] {
  return ["CreateUser", "DeleteBucket", "StopLogging"].map((name, i) => ({
    eventId: `team-${i}`,
    eventVersion: 1,
    eventTime: `2026-11-20T0${i + 1}:00:00Z`,
    eventName: name,
    eventType: "ApiCall",
    eventRW: "Write",
    eventSource: "ram.aliyuncs.com",
    serviceName: "Ram",
    acsRegion: "cn-shanghai",
    recipientAccountId: ACCOUNT,
    sourceIpAddress: "203.0.113.7",
    userIdentity: {
      type: "ram-user",
      accountId: ACCOUNT,
      principalId: "2000001",
      userName: "mei.chen",
    },
  }));
}

async function loadFile(
  page: Page,
  name: string,
  buffer: Buffer,
  mimeType = "application/json",
) {
  await page.getByLabel("Events file").setInputFiles({
    name,
    mimeType,
    buffer,
  });
}

const header = (page: Page) => page.getByRole("banner");

test.describe("own events", () => {
  test("stay loaded across a reload and a full page load, shown as their account, until removed", async ({
    page,
  }) => {
    await openConsole(page, "/settings?mock-latency=0-0");
    await loadFile(
      page,
      "team-audit.json",
      Buffer.from(JSON.stringify(teamEvents())),
    );
    await expect(page.getByText("Showing 3 events from")).toBeVisible();
    await expect(header(page)).toContainText(`${ACCOUNT} · team-audit.json`);

    await page.reload();
    await expect(page.getByText("Showing 3 events from")).toBeVisible();
    await expect(header(page)).toContainText(`${ACCOUNT} · team-audit.json`);
    await expect(
      page.getByText("Kept in this browser until you remove them.", {
        exact: true,
      }),
    ).toBeVisible();

    // The search over the file's span opens on the one region that holds its events.
    await page.getByRole("link", { name: "Search these events" }).click();
    await expect(page.getByText("3 loaded")).toBeVisible();
    await expect(
      header(page).getByLabel("Region", { exact: true }),
    ).toHaveValue("cn-shanghai");
    // A full page load (the logo is a plain link) keeps the events and opens on their region.
    await page.getByRole("link", { name: "Trailscope home" }).click();
    await expect(header(page)).toContainText(`${ACCOUNT} · team-audit.json`);
    await expect(
      header(page).getByLabel("Region", { exact: true }),
    ).toHaveValue("cn-shanghai");
    // The account serves only the regions that hold the events.
    await expect(
      header(page).getByLabel("Region", { exact: true }).locator("option"),
    ).toHaveText(["All regions", "China (Shanghai) · cn-shanghai"]);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Remove these events…" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove your events?" });
    await confirm.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("Showing 3 events from")).toBeHidden();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByText("Showing 3 events from")).toBeHidden();
    await expect(header(page)).not.toContainText(ACCOUNT);
  });

  test("a gzip bomb and a 5,000-deep file are refused with a reason, and the loaded file stays", async ({
    page,
  }) => {
    await openConsole(page, "/settings?mock-latency=0-0");
    await loadFile(
      page,
      "team-audit.json",
      Buffer.from(JSON.stringify(teamEvents())),
    );
    await expect(page.getByText("Showing 3 events from")).toBeVisible();

    // 330 KB of gzip that expands to 320 MB: 80 members of 4 MB of zeros.
    const member = gzipSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 });
    await loadFile(
      page,
      "bomb.json.gz",
      Buffer.concat(Array.from({ length: 80 }, () => member)),
      "application/gzip",
    );
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("The file could not be read");
    await expect(alert).toContainText("expands to more than 256 MB");
    await expect(alert).toContainText(
      "the events of team-audit.json are still loaded",
    );

    await loadFile(
      page,
      "deep.json",
      Buffer.from(`[${"[".repeat(5000)}${"]".repeat(5000)}]`),
    );
    await expect(alert).toContainText("more than 512 levels deep");
    await expect(page.getByText("Showing 3 events from")).toBeVisible();

    // Nothing was lost in storage either: a reload brings back the good file.
    await page.reload();
    await expect(page.getByText("Showing 3 events from")).toBeVisible();
    await expect(header(page)).toContainText(`${ACCOUNT} · team-audit.json`);
  });

  test("an event whose ID holds a lone surrogate opens itself, also from its link", async ({
    page,
  }) => {
    const twins = [
      { id: "evt-\uD800", name: "DeleteTrail" },
      { id: "evt-\uFFFD", name: "CreateTrail" },
    ].map(({ id, name }, i) => ({
      ...teamEvents()[0],
      eventId: id,
      eventName: name,
      eventTime: `2026-11-20T0${i + 1}:30:00Z`,
    }));
    await openConsole(page, "/settings?mock-latency=0-0");
    // JSON.stringify writes the lone surrogate as the escape \ud800, as a service would.
    await loadFile(page, "twins.json", Buffer.from(JSON.stringify(twins)));
    await expect(page.getByText("Showing 2 events from")).toBeVisible();
    await page.getByRole("link", { name: "Search these events" }).click();

    const grid = page.getByRole("grid");
    await grid
      .getByRole("button", { name: "DeleteTrail", exact: true })
      .click();
    await expect(
      page.getByRole("region", { name: "DeleteTrail" }),
    ).toBeVisible();
    // The ID travels as UTF-16 code units, not as text a URL would change.
    expect(new URL(page.url()).searchParams.get("event16")).toBe(
      "006500760074002dd800",
    );

    // The link reopens the same event after a reload, not its U+FFFD twin.
    await page.reload();
    await expect(
      page.getByRole("region", { name: "DeleteTrail" }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "CreateTrail" })).toHaveCount(
      0,
    );

    // An ordinary ID stays readable, and one that is not loaded opens nothing and says so.
    await grid
      .getByRole("button", { name: "CreateTrail", exact: true })
      .click();
    await expect(
      page.getByRole("region", { name: "CreateTrail" }),
    ).toBeVisible();
    expect(new URL(page.url()).searchParams.get("event")).toBe("evt-\uFFFD");
    const missing = new URL(page.url());
    missing.searchParams.delete("event");
    missing.searchParams.set("event16", "006500760074002ddc00");
    await page.goto(missing.toString());
    await expect(
      page.getByText("This event is not among the loaded events."),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: /Trail$/ })).toHaveCount(0);
  });
});
