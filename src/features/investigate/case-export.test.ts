import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import type { Case } from "@/stores/cases-store";
import { buildCaseExport, type CaseManifest } from "./case-export";

const search = {
  label: "li.wei, last 7 days",
  href: "/investigate/identity?kind=user&value=li.wei",
  from: "2026-11-01T00:00:00Z",
  to: "2026-11-08T00:00:00Z",
};
const pinned = (spec: Parameters<typeof makeEvent>[0], note = "") => {
  const e = makeEvent(spec);
  return {
    id: e.id,
    region: e.region,
    time: e.time,
    name: e.name,
    userName: e.userName,
    pinnedAt: "2026-11-08T01:00:00Z",
    note,
    search,
    raw: e.raw,
  };
};

const theCase: Case = {
  id: "c1",
  name: "Prod web stopped",
  createdAt: "2026-11-08T00:00:00Z",
  notes: "who stopped it?",
  events: [
    pinned(
      {
        time: at(3, 6),
        name: "StopInstance",
        rw: "Write",
        resourceName: "i-bp1prodweb01ab9xz",
      },
      '=HYPERLINK("http://x","y")',
    ),
    pinned({
      time: at(3, 7),
      name: "__proto__",
      user: "<img src=x onerror=alert(1)>",
    }),
    {
      ...pinned({ time: at(3, 8) }),
      search: { ...search, href: "/events?region=cn-hangzhou" },
    },
  ],
};

const sha = (text: string) =>
  createHash("sha256").update(text, "utf8").digest("hex");

describe("buildCaseExport", () => {
  it("writes a manifest with the event count, the searches and the SHA-256 of each file", async () => {
    const out = await buildCaseExport(
      theCase,
      new Date("2026-11-09T00:00:00Z"),
    );
    const manifest = JSON.parse(out.manifest.text) as CaseManifest;
    expect(manifest.eventCount).toBe(3);
    expect(manifest.searches).toEqual([
      { ...search, eventCount: 2 },
      { ...search, href: "/events?region=cn-hangzhou", eventCount: 1 },
    ]);
    expect(manifest.files).toEqual([
      {
        name: out.json.name,
        bytes: Buffer.byteLength(out.json.text),
        sha256: sha(out.json.text),
      },
      {
        name: out.csv.name,
        bytes: Buffer.byteLength(out.csv.text),
        sha256: sha(out.csv.text),
      },
    ]);
    expect(out.json.name).toBe(
      "prod-web-stopped-2026-11-09T00-00-00-000Z.json",
    );
  });

  it("keeps events byte-faithful in JSON and neutralises formulas in CSV", async () => {
    const out = await buildCaseExport(theCase);
    const json = JSON.parse(out.json.text) as {
      events: { event: { eventName: string } }[];
    };
    expect(json.events.map((e) => e.event.eventName)).toEqual([
      "StopInstance",
      "__proto__",
      "DescribeInstances",
    ]);
    expect(out.csv.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(out.csv.text.split("\r\n")).toHaveLength(5);
  });
});
