import { useLingui } from "@lingui/react/macro";
import { useState } from "react";

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "Copy request ID". */
  label: string;
  className?: string;
  children?: React.ReactNode;
}

/** Copies the original bytes of a value and says so. */
export function CopyButton({
  value,
  label,
  className,
  children,
}: CopyButtonProps) {
  const { t } = useLingui();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const handleClick = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 1500);
  };
  return (
    <button
      type="button"
      className={`copy-button ${className ?? ""}`}
      aria-label={label}
      title={label}
      onClick={handleClick}
    >
      {children ??
        (state === "copied"
          ? t`Copied`
          : state === "failed"
            ? t`Copy failed`
            : t`Copy`)}
      <span className="visually-hidden" role="status">
        {state === "copied"
          ? t`Copied to the clipboard`
          : state === "failed"
            ? t`Could not copy`
            : ""}
      </span>
    </button>
  );
}
