import { registerCatalog } from "@/components/i18n/i18n";

/** The insights screens' words (src/features/insights/locales), loaded with their routes. */
export const loadInsightsCatalog = () =>
  registerCatalog("insights", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
