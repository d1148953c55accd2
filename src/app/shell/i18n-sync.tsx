import { useEffect } from "react";
import { activateLocale } from "@/components/i18n/i18n";
import { usePrefsStore } from "@/stores/prefs-store";

/** Follows the language preference: loads its catalog; the document's lang follows. */
export function I18nSync() {
  const locale = usePrefsStore((s) => s.locale);
  useEffect(() => {
    activateLocale(locale).catch((error: unknown) => console.error(error));
  }, [locale]);
  return null;
}
