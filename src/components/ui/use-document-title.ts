import { useEffect } from "react";
import { toVisibleString } from "@/lib/visible-text";

/** Sets the tab's title ("Events · cn-hangzhou · Trailscope"); parts derived from events are made visible-safe. */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  const title = [
    ...parts
      .filter((p): p is string => Boolean(p))
      .map((p) => toVisibleString(p, 80)),
    "Trailscope",
  ].join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
