import { screen, within } from "@testing-library/react";
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { installAccount, TEST_NOW } from "@mocks/node";
import { archiveStore } from "@/lib/archive/browser-store";
import { importArchive } from "@/lib/archive/import-archive";
import { DAY } from "@/lib/time";
import { renderApp } from "@/testing/render";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

describe("the event search over imported archives", () => {
  it("finds an event 150 days old by user in an imported archive instead of refusing the range", async () => {
    installAccount({ rateLimits: false });
    const old = TEST_NOW - 150 * DAY;
    const events = [
      {
        eventId: "archived-150",
        eventTime: iso(old),
        eventName: "DeleteSecurityGroup",
        serviceName: "Ecs",
        eventRW: "Write",
        acsRegion: "cn-hangzhou",
        userIdentity: { type: "ram-user", userName: "former.contractor" },
      },
      {
        eventId: "archived-150-other",
        eventTime: iso(old + 60_000),
        eventName: "DescribeRegions",
        serviceName: "Ecs",
        eventRW: "Read",
        acsRegion: "cn-hangzhou",
        userIdentity: { type: "ram-user", userName: "daily.job" },
      },
    ];
    const bytes = gzipSync(new TextEncoder().encode(JSON.stringify(events)));
    await importArchive(
      archiveStore(),
      [
        {
          path: "old.json.gz",
          size: bytes.length,
          read: () => Promise.resolve(bytes),
        },
      ],
      { archiveId: "old", label: "old", startedAt: new Date(TEST_NOW) },
    );

    renderApp(
      `/events?region=cn-hangzhou&from=${iso(old - 2 * DAY)}&to=${iso(old + 2 * DAY)}&f=User:former.contractor`,
    );
    // The events screen and its catalog load lazily: allow them the time the other screen tests do.
    const grid = await screen.findByRole("grid", {}, { timeout: 15_000 });
    const row = await within(grid).findByRole(
      "row",
      { name: /DeleteSecurityGroup/ },
      { timeout: 15_000 },
    );
    expect(row).toHaveTextContent("former.contractor");
    expect(within(grid).queryByText("daily.job")).not.toBeInTheDocument();
    expect(
      screen.queryByText(/ActionTrail keeps events for 90 days/),
    ).toBeNull();
    // The scope says which source answered: the whole window is older than
    // 90 days, so the archive answered and the API nothing.
    expect(
      await screen.findByText(
        /Answered by the ActionTrail API: 0; by imported archives: 1 \(before /,
      ),
    ).toBeInTheDocument();
  });
});
