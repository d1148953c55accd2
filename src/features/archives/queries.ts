import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import { archiveStore } from "@/lib/archive/browser-store";

export const ARCHIVES_KEY = ["archives"] as const;

/** The archives imported into this browser, newest import first. */
export const archivesQueryOptions = () =>
  queryOptions({
    queryKey: [...ARCHIVES_KEY, "list"],
    queryFn: async () =>
      (await archiveStore().listArchives()).sort((a, b) =>
        b.importedAt.localeCompare(a.importedAt),
      ),
  });

/** One archive's files: the evidence manifest and the coverage calendar read them. */
export const archiveFilesQueryOptions = (archiveId: string) =>
  queryOptions({
    queryKey: [...ARCHIVES_KEY, "files", archiveId],
    queryFn: async () =>
      (await archiveStore().files(archiveId)).sort((a, b) =>
        a.path.localeCompare(b.path),
      ),
  });

/** A trail that delivers to OSS, whose archive can be read from its bucket. */
export interface OssTrail {
  name: string;
  homeRegion: string;
  bucket: string;
  prefix: string;
}

/** The region's own trails with an OSS destination. */
export const ossTrailsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: [...ARCHIVES_KEY, "trails", region],
    queryFn: async ({ signal }): Promise<OssTrail[]> =>
      (await rpc(region, "DescribeTrails", {}, { signal })).trails
        .filter((trail) => trail.ossBucketName && trail.homeRegion === region)
        .map((trail) => ({
          name: trail.name,
          homeRegion: trail.homeRegion,
          bucket: trail.ossBucketName ?? "",
          prefix: trail.ossKeyPrefix ?? "",
        })),
    enabled: region !== "all" && region !== "",
  });
