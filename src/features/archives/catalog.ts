import { registerCatalog } from "@/components/i18n/i18n";

/** The archives screens' words (src/features/archives/locales), loaded with their routes. */
export const loadArchivesCatalog = () =>
  registerCatalog("archives", {
    "en-US": () => import("./locales/en-US.po"),
    "zh-CN": () => import("./locales/zh-CN.po"),
  });
