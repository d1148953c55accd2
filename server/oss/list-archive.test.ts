import { describe, expect, it } from "vitest";
import { ArchiveError } from "./archive-error";
import { listArchive } from "./list-archive";
import type { ListedObject, OssReader } from "./oss-reader";

/** An in-memory bucket answering ListObjects like OSS: sorted keys, folders by `/`, pages by marker. */
function bucketReader(keys: string[], pageSize = 2): OssReader {
  const sorted = [...keys].sort();
  return {
    listPage(_place, query) {
      const marker = query.marker ?? "";
      const entries: { key?: ListedObject; folder?: string }[] = [];
      const seen = new Set<string>();
      for (const key of sorted) {
        if (!key.startsWith(query.prefix) || key <= marker) continue;
        const rest = key.slice(query.prefix.length);
        const cut = query.delimiter ? rest.indexOf(query.delimiter) : -1;
        if (cut >= 0) {
          const folder = query.prefix + rest.slice(0, cut + 1);
          if (seen.has(folder) || marker.startsWith(folder)) continue;
          seen.add(folder);
          entries.push({ folder });
        } else
          entries.push({
            key: { key, size: 1, lastModified: "2026-10-01T00:00:00.000Z" },
          });
      }
      const page = entries.slice(0, pageSize);
      const lastEntry = page[page.length - 1];
      return Promise.resolve({
        objects: page.flatMap((e) => (e.key ? [e.key] : [])),
        folders: page.flatMap((e) => (e.folder ? [e.folder] : [])),
        nextMarker:
          entries.length > pageSize && lastEntry
            ? (lastEntry.key?.key ?? lastEntry.folder)
            : undefined,
      });
    },
    open: () => Promise.reject(new Error("not used")),
    listBuckets: () => Promise.reject(new Error("not used")),
    bucketAcl: () => Promise.reject(new Error("not used")),
  };
}

const name = (region: string, stamp: string) =>
  `Actiontrail_${region}_${stamp}_1002_3_300_0123456789abcdef0123456789abcdef.gz`;
const place = { bucket: "audit", region: "cn-hangzhou" };

describe("listing a trail's delivered files for some days", () => {
  it("finds every region folder and member account over many pages, keeps only the days asked and delivery files, in key order", async () => {
    const root = "logs/AliyunLogs/Actiontrail";
    const keys = [
      `${root}/cn-hangzhou/2026/10/01/${name("cn-hangzhou", "20261001000500")}`,
      `${root}/cn-hangzhou/2026/10/01/${name("cn-hangzhou", "20261001001000")}`,
      `${root}/cn-hangzhou/2026/10/01/${name("cn-hangzhou", "20261001001500")}`,
      `${root}/cn-hangzhou/2026/10/02/${name("cn-hangzhou", "20261002000500")}`,
      `${root}/cn-hangzhou/2026/10/01/readme.txt`,
      `${root}/eu-central-1/2026/10/01/${name("eu-central-1", "20261001120000")}`,
      `${root}/rd-Ab12Cd/1234567890123456/cn-shanghai/2026/10/01/${name("cn-shanghai", "20261001080000")}`,
      `${root}/zz-west-1/2026/10/01/${name("zz-west-1", "20261001080000")}`,
      `other/AliyunLogs/Actiontrail/cn-hangzhou/2026/10/01/${name("cn-hangzhou", "20261001000500")}`,
    ];
    const files = await listArchive(
      bucketReader(keys),
      place,
      "logs",
      ["2026-10-01"],
      100,
    );
    expect(files.map((f) => f.key)).toEqual(
      [keys[0], keys[1], keys[2], keys[5], keys[6], keys[7]].sort(),
    );
  });

  it("refuses a listing past the file limit with what to do", async () => {
    const keys = Array.from(
      { length: 5 },
      (_, i) =>
        `AliyunLogs/Actiontrail/cn-hangzhou/2026/10/01/${name("cn-hangzhou", `2026100100${String(i).padStart(2, "0")}00`)}`,
    );
    const refusal = await listArchive(
      bucketReader(keys),
      place,
      "",
      ["2026-10-01"],
      3,
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ArchiveError);
    expect((refusal as ArchiveError).message).toMatch(/fewer days/);
  });
});
