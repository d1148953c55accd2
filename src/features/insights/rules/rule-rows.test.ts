import { describe, expect, it } from "vitest";
import { packRules } from "@/lib/sigma/rule-pack";
import { validateUserRules } from "@/lib/sigma/user-rules";
import { DETECTOR_CATALOG } from "../detectors/catalog";
import { coverageSources, filterRows, ruleHits, ruleRows } from "./rule-rows";

const user = validateUserRules(
  "title: Bucket ACL read\ndetection:\n  sel:\n    eventName: GetBucketAcl\n  condition: sel\nlevel: low\n",
).rules;
const pack = packRules();
const acl = pack.find(
  (r) => r.meta.title === "OSS bucket made public by its ACL",
)!;

const rows = (locale: string, disabled: string[] = []) =>
  ruleRows({
    pack,
    user,
    detectors: DETECTOR_CATALOG,
    disabled,
    locale,
    hits: new Map([[acl.meta.id, 2]]),
  });

describe("rule rows", () => {
  it("lists the user's rules, the pack and the detectors, titled in the reader's language", () => {
    const all = rows("zh-CN", [acl.meta.id]);
    expect(all).toHaveLength(
      user.length + pack.length + DETECTOR_CATALOG.length,
    );
    expect(all[0]).toMatchObject({ source: "user", title: "Bucket ACL read" });
    const row = all.find((r) => r.id === acl.meta.id)!;
    expect(row).toMatchObject({
      source: "pack",
      title: "OSS Bucket 的 ACL 被设为公开",
      enabled: false,
      hits: 2,
      techniques: ["T1530", "T1537"],
      tactics: ["Collection", "Exfiltration"],
    });
    expect(all.at(-1)!.source).toBe("detector");
  });

  it("filters by text (title, id or technique), level and tactic", () => {
    const all = rows("en-US");
    expect(
      filterRows(all, { text: "bucket acl", level: "", tactic: "" }).map(
        (r) => r.title,
      ),
    ).toEqual(["Bucket ACL read"]);
    expect(
      filterRows(all, { text: acl.meta.id, level: "", tactic: "" }),
    ).toHaveLength(1);
    expect(
      filterRows(all, {
        text: "t1537",
        level: "high",
        tactic: "Exfiltration",
      }).map((r) => r.id),
    ).toContain(acl.meta.id);
    expect(
      filterRows(all, { text: "", level: "low", tactic: "" }).every(
        (r) => r.level === "low",
      ),
    ).toBe(true);
  });

  it("gives switched-off rows no coverage", () => {
    const sources = coverageSources(rows("en-US", [acl.meta.id]));
    expect(sources.map((s) => s.id)).not.toContain(acl.meta.id);
    expect(sources.find((s) => s.title === "Bucket ACL read")).toBeDefined();
  });

  it("counts hits with a few matching events", () => {
    const events = acl.tests.match.map((raw, i) => ({
      id: `e${i}`,
      raw,
    })) as unknown as Parameters<typeof ruleHits>[1];
    const hits = ruleHits([acl], events, 1).get(acl.meta.id)!;
    expect(hits.hits).toBe(acl.tests.match.length);
    expect(hits.samples.map((e) => e.id)).toEqual(["e0"]);
  });
});
