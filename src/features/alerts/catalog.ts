import { registerCatalog } from "@/components/i18n/i18n";

/** The alerts screens' words (src/features/alerts/locales), loaded with their routes and the header's notification centre. */
export const loadAlertsCatalog = () =>
  registerCatalog("alerts", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
