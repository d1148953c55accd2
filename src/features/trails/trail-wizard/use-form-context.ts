import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useRegions } from "@/features/regions/use-regions";
import { useSessionStore } from "@/stores/session-store";
import { trailsQueryOptions } from "../queries";
import { homeTrails } from "../trail-format";
import type { OrganizationOffer } from "./basics-step";
import { fieldId } from "./field";
import {
  firstErrorField,
  type FieldErrors,
  type TrailField,
} from "./validation";

const NO_REGIONS: { id: string; name: string }[] = [];

/** What the trail forms need to know: regions, the account, the trails already there. */
export function useTrailFormContext(region: string) {
  const { t } = useLingui();
  const regions = useRegions();
  const trails = useQuery(trailsQueryOptions(region));
  const mode = useSessionStore((s) => s.mode);
  const account = useSessionStore((s) => s.demo?.account);
  const organization: OrganizationOffer =
    mode === "live" || !account
      ? {
          offered: true,
          note: t`Only the management account of a resource directory may create one; the service decides when you create the trail.`,
        }
      : account.isManagementAccount
        ? {
            offered: true,
            note: t`This account is the management account of resource directory ${account.resourceDirectoryId}.`,
          }
        : {
            offered: false,
            note: t`This account is not the management account of a resource directory, so it cannot create one.`,
          };
  return {
    regions: regions.data ?? NO_REGIONS,
    account,
    accountId: account?.accountId,
    organization,
    trailsQuery: trails,
    existingNames: (trails.data ?? []).map((trail) => trail.name),
    trailsInRegion: trails.data
      ? homeTrails(trails.data, region).length
      : undefined,
  };
}

/** Moves focus to an element once it is on screen (after a step change or an error). */
export function useFocusRequest() {
  const [target, setTarget] = useState<string>();
  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(target);
    if (element) {
      element.focus();
      element.scrollIntoView({ block: "center" });
    }
    setTarget(undefined);
  }, [target]);
  return {
    focusElement: setTarget,
    focusFirstError: (errors: FieldErrors) => {
      const field: TrailField | undefined = firstErrorField(errors);
      if (field) setTarget(fieldId(field));
    },
  };
}
