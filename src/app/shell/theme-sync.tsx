import { useEffect } from "react";
import { usePrefsStore } from "@/stores/prefs-store";

/** Applies the theme and density preferences to the document. */
export function ThemeSync() {
  const theme = usePrefsStore((s) => s.theme);
  const density = usePrefsStore((s) => s.density);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const apply = () => {
      const dark =
        theme === "dark" || (theme === "system" && Boolean(media?.matches));
      root.dataset.theme = dark ? "dark" : "light";
      root.style.colorScheme = dark ? "dark" : "light";
    };
    apply();
    media?.addEventListener?.("change", apply);
    return () => media?.removeEventListener?.("change", apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);
  return null;
}
