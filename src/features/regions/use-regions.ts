import { useQuery } from "@tanstack/react-query";
import { useLocale } from "@/components/i18n/use-format";
import { regionsQueryOptions } from "./queries";

/** The regions with their names in the console's language. */
export function useRegions() {
  return useQuery(regionsQueryOptions(useLocale()));
}
