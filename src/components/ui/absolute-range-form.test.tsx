import { render as renderAlone, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { I18nWrapper } from "@/testing/i18n";
import { AbsoluteRangeForm } from "./absolute-range-form";

const render = (ui: ReactElement) => renderAlone(ui, { wrapper: I18nWrapper });
const field = (name: RegExp) => screen.getByRole("textbox", { name });

describe("AbsoluteRangeForm", () => {
  beforeEach(() => usePrefsStore.setState({ timeZone: "utc" }));

  it("applies a typed range to the second, a date alone meaning its whole day", async () => {
    const onApply = vi.fn();
    render(
      <AbsoluteRangeForm
        from={undefined}
        to={undefined}
        check={() => undefined}
        onApply={onApply}
      />,
    );
    const user = userEvent.setup();
    await user.type(field(/^From/), "2026-11-01");
    await user.type(field(/^To/), "2026-11-02");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    expect(onApply).toHaveBeenCalledWith({
      from: "2026-11-01T00:00:00Z",
      to: "2026-11-02T23:59:59Z",
    });
    expect(field(/^From/)).toHaveValue("2026-11-01 00:00:00");
    expect(field(/^To/)).toHaveValue("2026-11-02 23:59:59");
  });

  it("starts from the window it is given, and says the caller's refusal beside the start, keeping the text", async () => {
    const onApply = vi.fn();
    render(
      <AbsoluteRangeForm
        from={undefined}
        to={undefined}
        initial={() => ({
          startMs: Date.UTC(2026, 10, 20, 8, 30, 5),
          endMs: Date.UTC(2026, 10, 21, 9, 0, 0),
        })}
        check={(w) =>
          w.startMs < Date.UTC(2026, 10, 1) ? "Too far back." : undefined
        }
        onApply={onApply}
      />,
    );
    expect(field(/^From/)).toHaveValue("2026-11-20 08:30:05");
    expect(field(/^To/)).toHaveValue("2026-11-21 09:00:00");
    const user = userEvent.setup();
    await user.clear(field(/^From/));
    await user.type(field(/^From/), "2026-10-01 12:00");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Too far back.");
    expect(field(/^From/)).toHaveValue("2026-10-01 12:00");
    expect(field(/^From/)).toHaveAttribute("aria-invalid", "true");
    expect(onApply).not.toHaveBeenCalled();
  });

  it("refuses an end that is not after the start", async () => {
    const onApply = vi.fn();
    render(
      <AbsoluteRangeForm
        from="2026-11-02T00:00:00Z"
        to="2026-11-03T00:00:00Z"
        check={() => undefined}
        onApply={onApply}
      />,
    );
    const user = userEvent.setup();
    await user.clear(field(/^To/));
    await user.type(field(/^To/), "2026-11-01 23:00:00");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The end is not after the start.",
    );
    expect(field(/^To/)).toHaveAttribute("aria-invalid", "true");
    expect(onApply).not.toHaveBeenCalled();
  });
});
