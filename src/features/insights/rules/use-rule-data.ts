import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useLocale } from "@/components/i18n/use-format";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import { packRules } from "@/lib/sigma/rule-pack";
import { DAY } from "@/lib/time";
import { DEFAULT_REGION } from "@/stores/prefs-store";
import { useRulesStore } from "@/stores/rules-store";
import { DETECTOR_CATALOG } from "../detectors/catalog";
import { overviewEventsQueryOptions } from "../queries";
import {
  compileUserRules,
  detectorHits,
  ruleHits,
  ruleRows,
} from "./rule-rows";

/** The ranges rules can be tried on, in days back from now. */
export const EXAMINE_DAYS = [1, 7, 30] as const;
export type ExamineDays = (typeof EXAMINE_DAYS)[number];
const DEFAULT_DAYS: ExamineDays = 7;

const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

/** The range the rules are tried on: `?days=` in the URL (7 by default). */
function useExamineDays(): [ExamineDays, (days: ExamineDays) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get("days"));
  const days = (EXAMINE_DAYS as readonly number[]).includes(raw)
    ? (raw as ExamineDays)
    : DEFAULT_DAYS;
  const setDays = (next: ExamineDays) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === DEFAULT_DAYS) p.delete("days");
        else p.set("days", String(next));
        return p;
      },
      { replace: true },
    );
  return [days, setDays];
}

/**
 * Everything the rules and coverage views show: the events of the region and
 * range (through the insights overview query, so the shared reader and its
 * cache are used), the rules and detectors with their switches, and their hits.
 */
export function useRuleData() {
  const { region: chosen } = useRegion();
  const region = chosen === ALL_REGIONS ? DEFAULT_REGION : chosen;
  const [days, setDays] = useExamineDays();
  const [to] = useState(minuteNow);
  const from = to - days * DAY;
  const query = useQuery(overviewEventsQueryOptions(region, from, to));
  const userRules = useRulesStore((s) => s.userRules);
  const disabled = useRulesStore((s) => s.disabled);
  const locale = useLocale();
  const pack = packRules();
  const user = useMemo(() => compileUserRules(userRules), [userRules]);
  const events = query.data?.events;
  const matches = useMemo(
    () => ruleHits([...pack, ...user], events ?? []),
    [pack, user, events],
  );
  const detectorCounts = useMemo(
    () => detectorHits(DETECTOR_CATALOG, events ?? []),
    [events],
  );
  const rows = useMemo(() => {
    const hits = new Map(detectorCounts);
    for (const [id, h] of matches) hits.set(id, h.hits);
    return ruleRows({
      pack,
      user,
      detectors: DETECTOR_CATALOG,
      disabled,
      locale,
      hits,
    });
  }, [pack, user, disabled, locale, matches, detectorCounts]);
  return {
    region,
    days,
    setDays,
    from,
    to,
    query,
    pack,
    user,
    rows,
    matches,
  };
}

export type RuleData = ReturnType<typeof useRuleData>;
