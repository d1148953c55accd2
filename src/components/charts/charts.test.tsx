import { render as renderAlone, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { FieldValues } from "@/components/field-values";
import type { HistogramBucket } from "@/lib/histogram";
import { usePrefsStore } from "@/stores/prefs-store";
import { I18nWrapper } from "@/testing/i18n";
import { HistogramTable } from "./histogram-table";

const render = (ui: ReactElement) => renderAlone(ui, { wrapper: I18nWrapper });

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 20, 0, 0);
const bucket = (i: number, read: number, write: number, error = 0) => ({
  start: START + i * HOUR,
  end: START + (i + 1) * HOUR,
  read,
  write,
  ok: read + write - error,
  error,
  total: read + write,
});
const BUCKETS: HistogramBucket[] = [
  bucket(0, 3, 1, 1),
  bucket(1, 0, 0),
  bucket(2, 1200, 34, 5),
];

describe("HistogramTable", () => {
  it("lists every bar's figures in the reader's time zone, each with its narrowing control", async () => {
    usePrefsStore.setState({ timeZone: "utc" });
    const onNarrow = vi.fn<(index: number) => void>();
    render(
      <HistogramTable
        buckets={BUCKETS}
        caption="Events per bar"
        renderNarrow={(i, { from, to }) => (
          <button type="button" onClick={() => onNarrow(i)}>
            {`${from} – ${to}`}
          </button>
        )}
      />,
    );
    const table = screen.getByRole("table", { name: "Events per bar" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(1 + BUCKETS.length);
    expect(rows[3]).toHaveTextContent("1,2003451,234");
    await userEvent.click(
      within(rows[3]!).getByRole("button", {
        name: "2026-11-20 02:00:00 – 2026-11-20 03:00:00",
      }),
    );
    expect(onNarrow).toHaveBeenCalledWith(2);
  });

  it("leaves the empty bars out when asked, keeping each bar's own index", async () => {
    const onNarrow = vi.fn<(index: number) => void>();
    render(
      <HistogramTable
        buckets={BUCKETS}
        caption="Shown events"
        hideEmpty
        renderNarrow={(i) => (
          <button type="button" onClick={() => onNarrow(i)}>
            narrow {i}
          </button>
        )}
      />,
    );
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(1 + 2);
    await userEvent.click(screen.getByRole("button", { name: "narrow 2" }));
    expect(onNarrow).toHaveBeenCalledWith(2);
  });
});

describe("FieldValues", () => {
  it("shows each value as text with its share, the empty value by name, and the row's controls", () => {
    render(
      <FieldValues
        label="User"
        values={[
          { value: "<img src=x onerror=alert(1)>", count: 30 },
          { value: "", count: 5 },
        ]}
        total={400}
        renderActions={(value) =>
          value !== "" && <button type="button">{`Only ${value}`}</button>
        }
      />,
    );
    const table = screen.getByRole("table", { name: "Top values of User" });
    expect(
      within(table).getByRole("columnheader", { name: "User" }),
    ).toBeVisible();
    const [, hostile, empty] = within(table).getAllByRole("row");
    expect(document.querySelector("img")).toBeNull();
    expect(hostile).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(hostile).toHaveTextContent("30 of 400 (7.5%)");
    expect(
      within(hostile!).getByRole("button", {
        name: "Only <img src=x onerror=alert(1)>",
      }),
    ).toBeInTheDocument();
    expect(empty).toHaveTextContent("(empty)");
    expect(empty).toHaveTextContent("5 of 400 (1.3%)");
    expect(within(empty!).queryByRole("button")).toBeNull();
  });
});
