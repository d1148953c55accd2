import { useEffect, useSyncExternalStore } from "react";
import { usePrefsStore } from "@/stores/prefs-store";

const darkQuery = () => window.matchMedia?.("(prefers-color-scheme: dark)");

function subscribeToSystemTheme(onChange: () => void): () => void {
  const media = darkQuery();
  media?.addEventListener?.("change", onChange);
  return () => media?.removeEventListener?.("change", onChange);
}

/** The theme in effect: the preference, or the system's when it says "system". */
export function useResolvedTheme(): "light" | "dark" {
  const theme = usePrefsStore((s) => s.theme);
  const systemDark = useSyncExternalStore(
    subscribeToSystemTheme,
    () => Boolean(darkQuery()?.matches),
    () => false,
  );
  return theme === "dark" || (theme === "system" && systemDark)
    ? "dark"
    : "light";
}

/** Applies the theme and density preferences to the document. */
export function ThemeSync() {
  const resolved = useResolvedTheme();
  const density = usePrefsStore((s) => s.density);
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);
  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);
  return null;
}
