import { screen, within } from "@testing-library/react";
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
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
    await screen.findByRole("heading", { level: 1, name: "Archives" });
    expect(await screen.findByText("No archive imported yet")).toBeVisible();

    const files = [0, 1, 2, 6, 7].map((d) => deliveryFile("cn-shenzhen", d));
    files.push(new File(["not gzip at all"], "broken.json.gz"));
    await user.type(screen.getByLabelText("Name (optional)"), "Shenzhen Q1");
    await user.upload(screen.getByLabelText("Files or .zip"), files);

    expect(await screen.findByText(/Import finished/)).toBeVisible();
    const refused = screen.getByRole("alert");
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
});
