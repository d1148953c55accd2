import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { safeHref } from "@/lib/safe-href";
import { useCasesStore, type Case } from "@/stores/cases-store";

/** A case's pinned events: what, who, when and where, the search that found each, a note, and Unpin. */
export function PinnedEvents({ theCase }: { theCase: Case }) {
  const { t } = useLingui();
  const { timeWithZone, range } = useFormat();
  const unpin = useCasesStore((s) => s.unpin);
  const setEventNote = useCasesStore((s) => s.setEventNote);
  /** A stored ISO time in the chosen zone; kept as written when it does not parse. */
  const shown = (iso: string) => {
    const ms = Date.parse(iso);
    return Number.isFinite(ms) ? timeWithZone(ms) : iso;
  };
  const between = (from: string, to: string) => {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return Number.isFinite(a) && Number.isFinite(b)
      ? range(a, b)
      : `${from} – ${to}`;
  };
  return (
    <ul className="pinned-list">
      {theCase.events.map((e) => {
        const back = safeHref(e.search.href);
        const name = e.name;
        const when = shown(e.time);
        const span = between(e.search.from, e.search.to);
        const id = e.id;
        const label = e.search.label;
        const found = back ? (
          <Link to={back}>{label}</Link>
        ) : (
          <SafeText value={label} />
        );
        return (
          <li key={e.id} className="pinned">
            <p>
              <Trans>
                <strong>
                  <SafeText value={e.name} maxLength={80} />
                </strong>{" "}
                by <SafeText value={e.userName} maxLength={80} /> at{" "}
                <SafeText value={when} maxLength={60} /> in{" "}
                <SafeText value={e.region} maxLength={30} />
              </Trans>
            </p>
            <p className="muted">
              <Trans>
                Event <code>{id}</code> · found by {found} ({span})
              </Trans>
            </p>
            <label htmlFor={`note-${e.id}`}>
              <Trans>Note</Trans>
            </label>
            <input
              id={`note-${e.id}`}
              type="text"
              value={e.note}
              onChange={(ev) => setEventNote(theCase.id, e.id, ev.target.value)}
            />
            <button
              type="button"
              onClick={() => unpin(theCase.id, e.id)}
              aria-label={t`Unpin ${name} at ${when}`}
            >
              <Trans>Unpin</Trans>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
