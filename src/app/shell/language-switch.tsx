import { useLingui } from "@lingui/react/macro";
import { useId } from "react";
import { LOCALES, isLocale, type Locale } from "@/lib/locale";
import { usePrefsStore } from "@/stores/prefs-store";

/** Each language is named in itself, so a reader finds their own in either. */
const NAMES: Record<Locale, string> = { "zh-CN": "中文", "en-US": "English" };

/** The header's language switch: remembered in the preferences. */
export function LanguageSwitch() {
  const { t } = useLingui();
  const id = useId();
  const locale = usePrefsStore((s) => s.locale);
  const setLocale = usePrefsStore((s) => s.setLocale);
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t`Language`}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
