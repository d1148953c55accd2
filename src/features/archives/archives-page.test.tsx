import { screen, within } from "@testing-library/react";
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { deliveryKey } from "@/lib/archive/delivery-path";
import { renderApp } from "@/testing/render";

const DAY = 86_400_000;
const FIRST = Date.UTC(2026, 2, 1, 4);
const MD5 = "fedcba9876543210fedcba9876543210";

/** A trail's delivery file for one day of one region, as a File from a folder. */
function deliveryFile(region: string, day: number): File {
  const at = FIRST + day * DAY;
  const events = [0, 1].map((k) => ({
    eventId: `${region}-${day}-${k}`,
    eventTime: new Date(at - k * 60_000).toISOString().replace(/\.\d+Z$/, "Z"),
    eventName: "PutBucketAcl",
    serviceName: "Oss",
    eventRW: "Write",
    acsRegion: region,
    recipientAccountId: "7770001112223334",
    userIdentity: { type: "ram-user", userName: "archivist" },
  }));
  const key = deliveryKey({
    region,
    writtenAt: at,
    eventCount: 2,
    bytes: 10,
    md5: MD5,
  });
  return new File(
    [gzipSync(new TextEncoder().encode(JSON.stringify(events)))],
    key,
  );
}

describe("the archives screen", () => {
  it("imports delivered files, names the bad one and the missing days, and lists the archive", async () => {
    const { user } = renderApp("/archives");
    // The screen and its catalog load lazily: allow them the time other screen tests do.
    await screen.findByRole(
      "heading",
      { level: 1, name: "Archives" },
      { timeout: 15_000 },
    );
    expect(await screen.findByText("No archive imported yet")).toBeVisible();

    const files = [0, 1, 2, 6, 7].map((d) => deliveryFile("cn-shenzhen", d));
    files.push(new File(["not gzip at all"], "broken.json.gz"));
    await user.type(screen.getByLabelText("Name (optional)"), "Shenzhen Q1");
    await user.upload(screen.getByLabelText("Files or .zip"), files);

    expect(await screen.findByText(/Import finished/)).toBeVisible();
    const refused = within(
      screen.getByRole("region", { name: "Import a trail's archive" }),
    ).getByRole("alert");
    expect(refused).toHaveTextContent("1 file was not loaded");
    expect(refused).toHaveTextContent("broken.json.gz");

    const table = screen.getByRole("table");
    const row = within(table).getByRole("row", { name: /Shenzhen Q1/ });
    expect(row).toHaveTextContent("7770001112223334");
    expect(row).toHaveTextContent("cn-shenzhen");
    expect(row).toHaveTextContent("2026-03-01 – 2026-03-08");
    expect(row).toHaveTextContent("10");

    await user.click(within(row).getByRole("button", { name: "Open" }));
    expect(
      await screen.findByText(
        "No file for cn-shenzhen from 2026-03-04 to 2026-03-06",
      ),
    ).toBeVisible();
    expect(
      screen.getByRole("cell", { name: "2026-03-05: no file" }),
    ).toBeVisible();
    // Counted against the five-minute delivery rhythm.
    expect(
      screen.getByText(/^5 files on 5 days with files, 1 a day on average/),
    ).toBeVisible();
    expect(
      screen.getByRole("button", { name: "Download SHA-256 list" }),
    ).toBeEnabled();

    await user.click(within(row).getByRole("button", { name: "Remove" }));
    const dialog = screen.getByRole("dialog", { name: "Remove this archive?" });
    await user.click(
      within(dialog).getByRole("button", { name: "Remove archive" }),
    );
    expect(await screen.findByText("No archive imported yet")).toBeVisible();
  });

  it("reads a trail's archive from its bucket: lists 150-day-old files and imports them", async () => {
    const now = Date.UTC(2026, 10, 23, 3, 0);
    installAccount({ now, scale: 0.02, rateLimits: false });
    const { user } = renderApp("/archives?region=cn-hangzhou");
    const panel = await screen.findByRole(
      "region",
      { name: "Read a trail's archive from its bucket" },
      { timeout: 15_000 },
    );
    const trail = await within(panel).findByRole("combobox", { name: "Trail" });
    expect(trail).toHaveDisplayValue(/org-audit-all/);
    const day = new Date(now - 150 * DAY).toISOString().slice(0, 10);
    const first = within(panel).getByLabelText("First day (UTC)");
    const last = within(panel).getByLabelText("Last day (UTC)");

    // A refused range keeps what was typed and says why.
    await user.clear(first);
    await user.type(first, "2026-01-01");
    await user.clear(last);
    await user.type(last, "2026-03-01");
    await user.click(within(panel).getByRole("button", { name: "List files" }));
    expect(
      within(panel).getByText("List at most 31 days at a time."),
    ).toBeVisible();
    expect(first).toHaveValue("2026-01-01");

    await user.clear(first);
    await user.type(first, day);
    await user.clear(last);
    await user.type(last, day);
    await user.click(within(panel).getByRole("button", { name: "List files" }));
    const found = await within(panel).findByRole("status");
    expect(found).toHaveTextContent(
      /\d+ files .* in oss:\/\/trailscope-audit-archive\/audit-logs/,
    );
    await user.click(
      within(panel).getByRole("button", { name: "Import these files" }),
    );
    expect(
      await screen.findByText(/Import finished/, {}, { timeout: 20_000 }),
    ).toBeVisible();
    const row = within(screen.getByRole("table")).getByRole("row", {
      name: new RegExp(`org-audit-all, ${day} to ${day}`),
    });
    expect(row).toHaveTextContent(`${day} – ${day}`);
  });
});
