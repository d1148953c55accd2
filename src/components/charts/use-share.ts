import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";

/** "1,204 of 4,812 (25%)" in the reader's language and number format. */
export function useShare(): (count: number, total: number) => string {
  const { t } = useLingui();
  const { number, percent } = useFormat();
  return (count, total) => {
    const ratio = total === 0 ? 0 : count / total;
    const c = number(count);
    const all = number(total);
    const pct = percent(ratio, ratio < 0.1 ? 1 : 0);
    return t`${c} of ${all} (${pct})`;
  };
}
