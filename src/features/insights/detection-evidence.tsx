import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import type { Evidence } from "./detectors/types";

/** A detection's evidence: Trailscope's labels in the reader's language, the events' values as they are. */
export function DetectionEvidence({ evidence }: { evidence: Evidence[] }) {
  const { i18n } = useLingui();
  const format = useFormat();
  return (
    <dl className="evidence">
      {evidence.map((e) => (
        <div key={e.label.id}>
          <dt>{i18n._(e.label)}</dt>
          <dd>
            <ul className="value-list">
              {e.values.map((v) => (
                <li key={v}>
                  {e.times && Number.isFinite(Date.parse(v)) ? (
                    <time dateTime={v}>{format.time(Date.parse(v))}</time>
                  ) : (
                    <SafeText value={v} maxLength={120} />
                  )}
                </li>
              ))}
              {e.note && <li>{i18n._(e.note)}</li>}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
