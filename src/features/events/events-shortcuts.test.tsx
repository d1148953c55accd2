import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { currentUrl, renderApp } from "@/testing/render";

const URL = "/events?region=cn-hangzhou&range=24h";

async function loadedGrid() {
  const grid = await screen.findByRole(
    "grid",
    { name: "Events" },
    { timeout: 8000 },
  );
  await waitFor(() =>
    expect(within(grid).getAllByRole("row").length).toBeGreaterThan(3),
  );
  return grid;
}

const bodyRow = (grid: HTMLElement, index: number) =>
  grid.querySelector<HTMLElement>(`[role="row"][data-row-index="${index}"]`);

describe("events page shortcuts", () => {
  it("/ focuses the search box, letters typed there stay text, j j o opens the second row and Escape returns to it", async () => {
    const { user, router } = renderApp(URL);
    await loadedGrid();
    const search = screen.getByRole("searchbox", {
      name: "Refine loaded events",
    });

    await user.keyboard("/");
    expect(search).toHaveFocus();
    await user.keyboard("jo?");
    expect(search).toHaveValue("jo?");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(currentUrl(router)).not.toMatch(/event=/);
    await user.clear(search);
    // "jo?" matched nothing: the grid comes back once the box is empty.
    const grid = await loadedGrid();

    // Escape leaves the box for the active row; j then moves down.
    await user.keyboard("{Escape}");
    expect(bodyRow(grid, 0)).toHaveFocus();
    await user.keyboard("j");
    expect(bodyRow(grid, 1)).toHaveFocus();
    await user.keyboard("jk");
    expect(bodyRow(grid, 1)).toHaveFocus();

    // A modifier makes it the browser's key, not a shortcut.
    await user.keyboard("{Control>}o{/Control}");
    expect(currentUrl(router)).not.toMatch(/event=/);

    await user.keyboard("o");
    await waitFor(() => expect(currentUrl(router)).toMatch(/event=/));
    expect(bodyRow(grid, 1)).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(currentUrl(router)).not.toMatch(/event=/));
    await waitFor(() => expect(bodyRow(grid, 1)).toHaveFocus());
  });

  it("ArrowRight shows a row's summary and keeps focus on that row, so ArrowDown moves on from it", async () => {
    const { user } = renderApp(URL);
    const grid = await loadedGrid();
    bodyRow(grid, 0)!.focus();
    await user.keyboard("{ArrowDown}");
    expect(bodyRow(grid, 1)).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    const expanded = bodyRow(grid, 1)!;
    expect(
      within(expanded).getByRole("button", { name: "Hide summary" }),
    ).toHaveAttribute("aria-expanded", "true");
    expect(expanded).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(
      within(bodyRow(grid, 1)!).getByRole("button", { name: "Show summary" }),
    ).toHaveAttribute("aria-expanded", "false");
    expect(bodyRow(grid, 1)).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(bodyRow(grid, 2)).toHaveFocus();
  });

  it("? opens the shortcuts help in the chosen words, and no shortcut acts while it is open", async () => {
    const { user, router } = renderApp(URL);
    await loadedGrid();
    await user.keyboard("?");
    const help = await screen.findByRole("dialog", {
      name: "Keyboard shortcuts",
    });
    expect(within(help).getByRole("row", { name: /Next row/ })).toBeVisible();
    await user.keyboard("o");
    expect(currentUrl(router)).not.toMatch(/event=/);
    await user.click(within(help).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();

    // In Chinese the button and the list speak Chinese; the keys stay keys.
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Language" }),
      "zh-CN",
    );
    await user.click(await screen.findByRole("button", { name: /键盘快捷键/ }));
    const zh = await screen.findByRole("dialog", { name: "键盘快捷键" });
    expect(within(zh).getByRole("row", { name: /j 下一行/ })).toBeVisible();
    expect(
      within(zh).getByRole("columnheader", { name: "按键" }),
    ).toBeVisible();
  });

  it("the pane's separator changes the width with the arrow keys and keeps it in the preferences", async () => {
    const { user } = renderApp(URL);
    const grid = await loadedGrid();
    bodyRow(grid, 0)!.focus();
    await user.keyboard("{Enter}");
    const separator = await screen.findByRole("separator", {
      name: "Resize the event pane",
    });
    expect(separator).toHaveAttribute("aria-valuenow", "480");
    separator.focus();
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(separator).toHaveAttribute("aria-valuenow", "512");
    expect(usePrefsStore.getState().eventPaneWidth).toBe(512);
    await user.keyboard("{Shift>}{ArrowRight}{/Shift}");
    expect(separator).toHaveAttribute("aria-valuenow", "448");
    await user.keyboard("{Home}");
    expect(separator).toHaveAttribute("aria-valuenow", "320");
    // Never narrower than the least width.
    await user.keyboard("{ArrowRight}");
    expect(usePrefsStore.getState().eventPaneWidth).toBe(320);

    await user.click(screen.getByRole("button", { name: "Full width" }));
    expect(screen.getByRole("button", { name: "Full width" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(screen.queryByRole("separator")).toBeNull();
  });
});
