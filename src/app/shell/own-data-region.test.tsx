import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { parseEventsText } from "@mocks/data/own-data";
import { usePrefsStore } from "@/stores/prefs-store";
import { renderApp } from "@/testing/render";

const NOW = Date.UTC(2026, 10, 28, 9, 0);

/** An account holding only a visitor's events, in the given regions. */
function installOwnEvents(regions: string[]) {
  const { events } = parseEventsText(
    JSON.stringify(
      regions.map((region, i) => ({
        eventId: `own-${i}`,
        eventTime: "2026-11-20T01:00:00Z",
        eventName: "DescribeInstances",
        acsRegion: region,
      })),
    ),
  );
  return installAccount({ now: NOW, ownEvents: events, ownFileName: "x.json" });
}

describe("the region of a visitor's own events", () => {
  it("opens on a region that holds them (the first the account serves) when the remembered one holds none", async () => {
    installOwnEvents(["cn-shanghai", "ap-southeast-1"]);
    usePrefsStore.setState({ lastRegion: "cn-hangzhou" });
    renderApp("/trails");
    const switcher = await screen.findByRole("combobox", { name: "Region" });
    await waitFor(() => expect(switcher).toHaveValue("cn-shanghai"));
    expect(
      within(switcher)
        .getAllByRole("option")
        .map((o) => o.getAttribute("value")),
    ).toEqual(["cn-shanghai", "ap-southeast-1"]);
  });

  it("keeps the remembered region when it holds events", async () => {
    installOwnEvents(["cn-shanghai", "cn-hangzhou"]);
    usePrefsStore.setState({ lastRegion: "cn-shanghai" });
    renderApp("/trails");
    const switcher = await screen.findByRole("combobox", { name: "Region" });
    await waitFor(() =>
      expect(within(switcher).getAllByRole("option")).toHaveLength(2),
    );
    expect(switcher).toHaveValue("cn-shanghai");
  });
});
