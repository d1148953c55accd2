import { registerCatalog } from "@/components/i18n/i18n";

/** The events screens' words (src/features/events/locales), loaded with their routes. */
export const loadEventsCatalog = () =>
  registerCatalog("events", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
