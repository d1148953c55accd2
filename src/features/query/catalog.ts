import { registerCatalog } from "@/components/i18n/i18n";

/** The Query page's words (src/features/query/locales), loaded with its route. */
export const loadQueryCatalog = () =>
  registerCatalog("query", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
