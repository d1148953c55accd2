import { describe, expect, it } from "vitest";
import { trailSchema, type Trail } from "@/api/schemas/trail";
import { buildCoverageMatrix, uniqueTrails } from "./coverage-matrix";

const trail = (wire: Record<string, unknown>): Trail =>
  trailSchema.parse({
    HomeRegion: "cn-hangzhou",
    Region: "cn-hangzhou",
    ...wire,
  });

const REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"];

describe("buildCoverageMatrix", () => {
  it("lets an all-region trail that records everything cover every region and both event types", () => {
    const m = buildCoverageMatrix(REGIONS, [
      trail({
        Name: "org-wide",
        TrailRegion: "All",
        EventRW: "All",
        Status: "Enable",
        OssBucketName: "b",
        SlsProjectArn: "acs:log:cn-hangzhou:1:project/p",
      }),
    ]);
    expect(m.gaps).toEqual([]);
    expect(m.rows[2]!.cells.Read.destinations).toEqual(["OSS", "Log Service"]);
  });

  it("leaves read events uncovered when trails record only writes", () => {
    const m = buildCoverageMatrix(REGIONS, [
      trail({
        Name: "writes-only",
        TrailRegion: "All",
        EventRW: "Write",
        Status: "Enable",
        OssBucketName: "b",
      }),
    ]);
    expect(m.gaps.map((g) => `${g.region}/${g.rw}`)).toEqual([
      "cn-hangzhou/Read",
      "cn-shanghai/Read",
      "ap-southeast-1/Read",
    ]);
    expect(m.rows[0]!.cells.Write.covered).toBe(true);
  });

  it("covers only its own region for a single-region trail", () => {
    const m = buildCoverageMatrix(REGIONS, [
      trail({
        Name: "shanghai-rw",
        HomeRegion: "cn-shanghai",
        TrailRegion: "cn-shanghai",
        EventRW: "All",
        Status: "Enable",
        MaxComputeProjectArn: "acs:odps:cn-shanghai:1:project/actiontrail_x",
      }),
    ]);
    expect(m.rows[1]!.cells.Read).toMatchObject({
      covered: true,
      destinations: ["MaxCompute"],
    });
    expect(m.rows[0]!.cells.Read.covered).toBe(false);
    expect(m.gaps).toHaveLength(4);
  });

  it("does not count trails that are not logging (Fresh or Disable), but lists them as idle", () => {
    const m = buildCoverageMatrix(
      ["cn-hangzhou"],
      [
        trail({
          Name: "never-started",
          TrailRegion: "All",
          EventRW: "All",
          Status: "Fresh",
          OssBucketName: "b",
        }),
        trail({
          Name: "stopped-trail",
          TrailRegion: "All",
          EventRW: "Write",
          Status: "Disable",
          OssBucketName: "c",
        }),
      ],
    );
    const write = m.rows[0]!.cells.Write;
    expect(write.covered).toBe(false);
    expect(write.idle.map((t) => t.name)).toEqual([
      "never-started",
      "stopped-trail",
    ]);
    expect(write.destinations).toEqual([]);
    expect(m.gaps).toHaveLength(2);
  });
});

describe("uniqueTrails", () => {
  it("keeps one copy of an all-region trail, preferring the copy from its home region", () => {
    const home = trail({
      Name: "everywhere",
      TrailRegion: "All",
      Status: "Enable",
    });
    const shadow = trail({
      Name: "everywhere",
      TrailRegion: "All",
      Region: "cn-shanghai",
      Status: "Enable",
    });
    const result = uniqueTrails([[shadow], [home]]);
    expect(result).toHaveLength(1);
    expect(result[0]!.region).toBe("cn-hangzhou");
  });
});
