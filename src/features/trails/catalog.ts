import { registerCatalog } from "@/components/i18n/i18n";

/** The trails screens' words (src/features/trails/locales), loaded with their routes. */
export const loadTrailsCatalog = () =>
  registerCatalog("trails", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
