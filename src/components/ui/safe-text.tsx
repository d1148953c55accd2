import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { splitVisible } from "@/lib/visible-chars";

interface SafeTextProps {
  value: string;
  /** Longer values are cut with their length shown (cells); omit to show all (panes wrap). */
  maxLength?: number;
  className?: string;
}

/**
 * Renders hostile event text as text: direction isolated (`<bdi>`), invisible
 * and direction-changing characters shown as visible marks, long values cut
 * with their length said. Copying uses the original value, never this output.
 */
export function SafeText({ value, maxLength, className }: SafeTextProps) {
  const cut = maxLength !== undefined && value.length > maxLength;
  const shown = cut ? value.slice(0, maxLength) : value;
  const { t } = useLingui();
  const { number } = useFormat();
  const parts = splitVisible(shown);
  return (
    <bdi
      className={className ? `safe-text ${className}` : "safe-text"}
      // Marks event text for checks of the console's own words (e2e/zh-sweep).
      data-event-value=""
    >
      {parts.map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <abbr
            key={index}
            className="special-char"
            title={t`Invisible character ${part.label}`}
          >
            {part.label}
          </abbr>
        ),
      )}
      {cut && (
        <span className="truncated-note">
          {" "}
          {t`…(+${number(value.length - shown.length)} characters)`}
        </span>
      )}
    </bdi>
  );
}
