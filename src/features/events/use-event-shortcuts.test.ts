import { describe, expect, it } from "vitest";
import { isTypingTarget, shortcutFor } from "./use-event-shortcuts";

const press = (
  key: string,
  target: EventTarget | null = document.body,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) =>
  shortcutFor({
    key,
    target,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    ...mods,
  });

describe("events page shortcuts", () => {
  it("maps the single keys on the page", () => {
    expect(press("/")).toBe("focusSearch");
    expect(press("j")).toBe("move-down");
    expect(press("k")).toBe("move-up");
    expect(press("o")).toBe("openActive");
    expect(press("?")).toBe("showHelp");
    expect(press("Enter")).toBe("openActive");
    expect(press("x")).toBeUndefined();
  });

  it("never acts in fields, with Ctrl, Alt or Command, or on a button's Enter", () => {
    const input = document.createElement("input");
    const area = document.createElement("textarea");
    const select = document.createElement("select");
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    const inside = document.createElement("span");
    editable.append(inside);
    document.body.append(editable);
    for (const field of [input, area, select, inside]) {
      expect(isTypingTarget(field)).toBe(true);
      expect(press("j", field)).toBeUndefined();
    }
    expect(press("o", document.body, { ctrlKey: true })).toBeUndefined();
    expect(press("o", document.body, { metaKey: true })).toBeUndefined();
    expect(press("j", document.body, { altKey: true })).toBeUndefined();
    expect(press("Enter", document.createElement("button"))).toBeUndefined();
    editable.remove();
  });
});
