import { describe, expect, it } from "vitest";
import { rpc } from "@/api/client";
import { installAccount } from "./node";
import { createDemoControls } from "./demo-controls";
import { memoryOwnDataStore } from "./data/own-data-store";

const NOW = Date.UTC(2026, 10, 28, 9, 0);

const event = (id: string, region: string, accountId = "1234567890123456") => ({
  eventId: id,
  eventTime: "2026-11-20T01:00:00Z",
  eventName: "DescribeInstances",
  acsRegion: region,
  recipientAccountId: accountId,
  userIdentity: { type: "ram-user", accountId, userName: "li.wei" },
});

const file = (events: unknown[], name = "events.json") =>
  new File([JSON.stringify(events)], name, { type: "application/json" });

/** A browser's start: a fresh account and controls over the same kept store. */
function openBrowser(store: ReturnType<typeof memoryOwnDataStore>) {
  const account = installAccount({ now: NOW });
  return { account, demo: createDemoControls(account, undefined, store) };
}

describe("own events as a workspace", () => {
  it("keeps a loaded file across a page load, with its account, until it is removed", async () => {
    const store = memoryOwnDataStore();
    const first = openBrowser(store);
    const info = await first.demo.loadOwnEvents(
      file([
        event("K-1", "cn-shanghai"),
        event("K-2", "cn-beijing"),
        event("K-3", "cn-beijing", "999"),
      ]),
      "mine.json",
    );
    expect(info).toMatchObject({
      fileName: "mine.json",
      accountId: "1234567890123456",
      otherAccounts: 1,
      kept: true,
      regions: ["cn-beijing", "cn-shanghai"],
    });

    const second = openBrowser(store);
    expect(second.demo.getState().ownData).toBeUndefined();
    await second.demo.restoreOwnEvents();
    expect(second.demo.getState().ownData).toMatchObject({
      fileName: "mine.json",
      eventCount: 3,
      accountId: "1234567890123456",
    });

    await second.demo.clearOwnEvents();
    expect(second.demo.getState().ownData).toBeUndefined();
    const third = openBrowser(store);
    await third.demo.restoreOwnEvents();
    expect(third.demo.getState().ownData).toBeUndefined();
  });

  it("refuses a too-deep file and keeps the events loaded before, here and in storage", async () => {
    const store = memoryOwnDataStore();
    const { demo } = openBrowser(store);
    await demo.loadOwnEvents(file([event("K-1", "cn-hangzhou")]), "good.json");
    const deep = new File(["[".repeat(5000) + "]".repeat(5000)], "deep.json");
    await expect(demo.loadOwnEvents(deep, "deep.json")).rejects.toThrow(
      /more than 512 levels deep/,
    );
    expect(demo.getState().ownData?.fileName).toBe("good.json");
    expect((await store.read())?.fileName).toBe("good.json");
  });

  it("says when a file could not be kept, and never brings back an older one in its place", async () => {
    const store = memoryOwnDataStore();
    const { demo } = openBrowser(store);
    await demo.loadOwnEvents(file([event("K-1", "cn-hangzhou")]), "old.json");
    const full = {
      ...store,
      write: () => Promise.reject(new Error("QuotaExceededError")),
    };
    const second = openBrowser(full);
    const info = await second.demo.loadOwnEvents(
      file([event("N-1", "cn-hangzhou")]),
      "new.json",
    );
    expect(info).toMatchObject({ fileName: "new.json", kept: false });
    expect(await store.read()).toBeUndefined();
  });

  it("says so when a kept file can no longer be read, and lets it go", async () => {
    const store = memoryOwnDataStore();
    await store.write({
      fileName: "old.json",
      bytes: new Blob(["[".repeat(600)]),
      savedAt: NOW,
    });
    const { demo } = openBrowser(store);
    await demo.restoreOwnEvents();
    expect(demo.getState().ownData).toBeUndefined();
    expect(demo.getState().ownDataNotice).toMatch(
      /old\.json .* can no longer be read/,
    );
    expect(await store.read()).toBeUndefined();
  });

  it("serves only the regions that hold the loaded events", async () => {
    const { demo } = openBrowser(memoryOwnDataStore());
    const before = await rpc("cn-hangzhou", "DescribeRegions", {});
    expect(before.regions.length).toBeGreaterThan(2);
    await demo.loadOwnEvents(
      file([event("R-1", "cn-shanghai"), event("R-2", "ap-southeast-1")]),
      "two-regions.json",
    );
    const after = await rpc("cn-hangzhou", "DescribeRegions", {});
    expect(after.regions.map((r) => r.id).sort()).toEqual([
      "ap-southeast-1",
      "cn-shanghai",
    ]);
  });
});
