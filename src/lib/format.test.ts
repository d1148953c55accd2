import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelativeTime,
} from "./format";
import { pickLocale } from "./locale";

describe("formatting in the chosen language", () => {
  it("groups numbers and percents the locale's way", () => {
    expect(formatNumber(1234567, "en-US")).toBe("1,234,567");
    expect(formatNumber(1234567, "zh-CN")).toBe("1,234,567");
    expect(formatPercent(0.42, "zh-CN")).toBe("42%");
  });

  it("says how long ago and how long in words of the language", () => {
    const now = Date.UTC(2026, 10, 21, 12);
    expect(formatRelativeTime(now - 3 * 60_000, now, "en-US")).toBe(
      "3 minutes ago",
    );
    expect(formatRelativeTime(now - 3 * 60_000, now, "zh-CN")).toBe("3分钟前");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, "en-US")).toBe(
      "2 hr, 5 min",
    );
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, "zh-CN")).toBe(
      "2小时5分钟",
    );
    expect(formatDuration(0, "en-US")).toBe("0 sec");
  });
});

describe("the first choice of language", () => {
  it("follows the browser's languages: Chinese of any region is zh-CN, else English", () => {
    expect(pickLocale(["zh-TW", "en-US"])).toBe("zh-CN");
    expect(pickLocale(["zh"])).toBe("zh-CN");
    expect(pickLocale(["en-GB", "zh-CN"])).toBe("en-US");
    expect(pickLocale(["fr-FR", "zh-CN"])).toBe("zh-CN");
    expect(pickLocale(["fr-FR"])).toBe("en-US");
    expect(pickLocale(undefined)).toBe("en-US");
  });
});
