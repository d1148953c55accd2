import { registerCatalog } from "@/components/i18n/i18n";

/** The investigate screens' words (src/features/investigate/locales), loaded with their routes. */
export const loadInvestigateCatalog = () =>
  registerCatalog("investigate", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
