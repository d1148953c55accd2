import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { rpc } from "@/api/client";
import { isApiError } from "@/api/errors";
import type {
  CreateTrailParams,
  Trail,
  UpdateTrailParams,
} from "@/api/schemas/trail";
import type { ResultOf } from "@/api/operations";
import { trailMatchesRequest } from "./trail-wizard/build-request";
import { CreateOutcomeUnknown } from "./trail-wizard/wizard-errors";
import { trailKeys } from "./queries";

type TrailsResult = ResultOf<"DescribeTrails">;
type Snapshot = [QueryKey, TrailsResult | undefined][];

/** Applies a change to every cached trail list (a trail may appear in many regions as a shadow copy). */
async function patchTrailLists(
  queryClient: QueryClient,
  change: (trails: Trail[]) => Trail[],
): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: trailKeys.lists() });
  const snapshot = queryClient.getQueriesData<TrailsResult>({
    queryKey: trailKeys.lists(),
  });
  queryClient.setQueriesData<TrailsResult>(
    { queryKey: trailKeys.lists() },
    (old) => (old ? { ...old, trails: change(old.trails) } : old),
  );
  return snapshot;
}

function restore(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

const invalidateTrails = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: trailKeys.all });

const patchByName =
  (name: string, patch: Partial<Trail>) => (trails: Trail[]) =>
    trails.map((t) => (t.name === name ? { ...t, ...patch } : t));

export interface CreateTrailInput {
  region: string;
  params: CreateTrailParams;
  startLogging: boolean;
}

export interface CreateTrailOutcome {
  trail: Trail | undefined;
  /** The create answer was lost; the trail was found, identical, on reading back. */
  recovered: boolean;
  /** StartLogging failed after the trail was created. */
  startError: unknown;
}

/**
 * CreateTrail, then StartLogging when asked. A create that fails on the way
 * (network, 5xx) is never re-sent blindly: the trails are read back and an
 * identical trail of that name counts as created; otherwise the error is a
 * CreateOutcomeUnknown saying whether the trail exists.
 */
export function useCreateTrail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      region,
      params,
      startLogging,
    }: CreateTrailInput): Promise<CreateTrailOutcome> => {
      let trail: Trail | undefined;
      let recovered = false;
      try {
        trail = (await rpc(region, "CreateTrail", params)).trail;
      } catch (error) {
        if (!isApiError(error) || !error.isServerError) throw error;
        const readBack = await rpc(region, "DescribeTrails", {
          NameList: params.Name,
          IncludeOrganizationTrail: true,
        }).catch(() => undefined);
        const found = readBack?.trails.find((t) => t.name === params.Name);
        if (!found || !trailMatchesRequest(found, params))
          throw new CreateOutcomeUnknown(
            error,
            params.Name,
            !readBack ? "unreadable" : found ? "different" : "absent",
          );
        trail = found;
        recovered = true;
      }
      let startError: unknown;
      if (startLogging) {
        try {
          await rpc(region, "StartLogging", { Name: params.Name });
        } catch (error) {
          startError = error;
        }
      }
      return { trail, recovered, startError };
    },
    onSettled: () => invalidateTrails(queryClient),
  });
}

export interface UpdateTrailInput {
  region: string;
  params: UpdateTrailParams;
}

export function useUpdateTrail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ region, params }: UpdateTrailInput) =>
      rpc(region, "UpdateTrail", params),
    onMutate: ({ params }) =>
      patchTrailLists(
        queryClient,
        patchByName(params.Name, {
          eventRW: params.EventRW ?? "Write",
          trailRegion: params.TrailRegion ?? "All",
          ossBucketName: params.OssBucketName ?? "",
          ossKeyPrefix: params.OssKeyPrefix ?? "",
          ossWriteRoleArn: params.OssWriteRoleArn ?? "",
          slsProjectArn: params.SlsProjectArn ?? "",
          slsWriteRoleArn: params.SlsWriteRoleArn ?? "",
          maxComputeProjectArn: params.MaxComputeProjectArn ?? "",
          maxComputeWriteRoleArn: params.MaxComputeWriteRoleArn ?? "",
        }),
      ),
    onError: (_error, _input, snapshot) => restore(queryClient, snapshot),
    onSettled: () => invalidateTrails(queryClient),
  });
}

export interface TrailActionInput {
  region: string;
  name: string;
}

export function useStartLogging() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ region, name }: TrailActionInput) =>
      rpc(region, "StartLogging", { Name: name }),
    onMutate: ({ name }) =>
      patchTrailLists(queryClient, patchByName(name, { status: "Enable" })),
    onError: (_error, _input, snapshot) => restore(queryClient, snapshot),
    onSettled: () => invalidateTrails(queryClient),
  });
}

export function useStopLogging() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ region, name }: TrailActionInput) =>
      rpc(region, "StopLogging", { Name: name }),
    onMutate: ({ name }) =>
      patchTrailLists(queryClient, patchByName(name, { status: "Disable" })),
    onError: (_error, _input, snapshot) => restore(queryClient, snapshot),
    onSettled: () => invalidateTrails(queryClient),
  });
}

export function useDeleteTrail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ region, name }: TrailActionInput) =>
      rpc(region, "DeleteTrail", { Name: name }),
    onMutate: ({ name }) =>
      patchTrailLists(queryClient, (trails) =>
        trails.filter((t) => t.name !== name),
      ),
    onError: (_error, _input, snapshot) => restore(queryClient, snapshot),
    onSettled: () => invalidateTrails(queryClient),
  });
}
