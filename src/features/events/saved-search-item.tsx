import { useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { useFormat } from "@/components/i18n/use-format";
import type { SavedSearch } from "@/stores/saved-searches-store";
import { conditionText } from "./conditions";
import { savedSearchHref } from "./saved-search-link";
import { presetLabel } from "./time-range";

interface SavedSearchItemProps {
  saved: SavedSearch;
  onOpen: () => void;
  onRename: () => void;
  onDelete: () => void;
}

/** One saved search: what it looks for, and Open, Copy link, Rename, Delete. */
export function SavedSearchItem({
  saved,
  onOpen,
  onRename,
  onDelete,
}: SavedSearchItemProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const href = savedSearchHref(saved);
  const origin = typeof location === "undefined" ? "" : location.origin;
  const name = saved.name;
  const range =
    saved.range.kind === "relative"
      ? presetLabel(saved.range.preset)
      : `${timeWithZone(Date.parse(saved.range.from))} – ${timeWithZone(Date.parse(saved.range.to))}`;
  const conditions = [
    ...saved.filters.map(conditionText),
    ...(saved.rw ? [conditionText({ key: "EventRW", value: saved.rw })] : []),
    ...saved.exclude.map((c) => `${t`not`} ${conditionText(c)}`),
    ...(saved.refine ? [`${t`Refine`}: ${saved.refine}`] : []),
  ].join(" · ");
  const region = saved.region === "all" ? t`All regions` : saved.region;
  return (
    <li className="saved-search-item">
      <div className="saved-search-name">
        <SafeText value={name} maxLength={80} />
      </div>
      <div className="muted">
        <SafeText value={region} /> · {range}
        {conditions && (
          <>
            {" · "}
            <SafeText value={conditions} maxLength={200} />
          </>
        )}
      </div>
      {saved.note && (
        <div className="saved-search-note">
          <SafeText value={saved.note} maxLength={300} />
        </div>
      )}
      <div className="saved-search-actions">
        <Link to={href} onClick={onOpen} aria-label={t`Open ${name}`}>
          {t`Open`}
        </Link>
        <CopyButton value={`${origin}${href}`} label={t`Copy link to ${name}`}>
          {t`Copy link`}
        </CopyButton>
        <button type="button" onClick={onRename} aria-label={t`Rename ${name}`}>
          {t`Rename`}
        </button>
        <button type="button" onClick={onDelete} aria-label={t`Delete ${name}`}>
          {t`Delete`}
        </button>
      </div>
    </li>
  );
}
