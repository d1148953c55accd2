import { I18nProvider } from "@lingui/react";
import type { ReactNode } from "react";
import { i18n } from "@/components/i18n/i18n";

/** For tests that render a component alone: the catalogs' provider (setup.ts activates en-US). */
export function I18nWrapper({ children }: { children: ReactNode }) {
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}
