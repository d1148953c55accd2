import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { useCasesStore } from "@/stores/cases-store";
import { usePrefsStore } from "@/stores/prefs-store";
import { renderApp } from "@/testing/render";

const prod = INCIDENTS.stoppedProdInstance;
const stopSearch = `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}&f=EventName%3A${prod.eventName}`;

async function findGrid() {
  return screen.findByRole("grid", { name: "Events" }, { timeout: 8000 });
}

const headerNames = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole("columnheader")
    .map((h) => h.textContent?.replace(/[▲▼]/g, "").trim());

type User = ReturnType<typeof renderApp>["user"];

async function openChooser(user: User) {
  await user.click(screen.getByText("Columns"));
  return {
    filter: screen.getByRole("searchbox", { name: "Add a field of the event" }),
    fields: screen.getByRole("list", { name: "Event fields" }),
  };
}

/** Replaces the chooser's filter text at once (typing each key is slow). */
async function search(user: User, filter: HTMLElement, text: string) {
  await user.clear(filter);
  await user.click(filter);
  await user.paste(text);
}

describe("events table columns and pins", () => {
  it("adds nested fields of the event as columns, shows their values and remembers their width", async () => {
    const { user } = renderApp(stopSearch);
    const grid = await findGrid();
    await within(grid).findAllByRole("row");
    const { filter, fields } = await openChooser(user);
    await user.type(filter, "StoppedM");
    await user.click(
      within(fields).getByRole("checkbox", {
        name: "requestParameters.StoppedMode",
      }),
    );
    await search(user, filter, "userIdentity.userName");
    await user.click(
      within(fields).getByRole("checkbox", { name: "userIdentity.userName" }),
    );

    await waitFor(() =>
      expect(headerNames(grid)).toContain("requestParameters.StoppedMode"),
    );
    const headers = headerNames(grid);
    const row = within(grid).getAllByRole("row")[1]!;
    const cells = within(row).getAllByRole("gridcell");
    expect(
      cells[headers.indexOf("requestParameters.StoppedMode")],
    ).toHaveTextContent("StopCharging");
    expect(cells[headers.indexOf("userIdentity.userName")]).toHaveTextContent(
      prod.userName,
    );

    // Its width is remembered like any column's.
    screen
      .getByRole("button", {
        name: /^Width of requestParameters\.StoppedMode: 180 pixels/,
      })
      .focus();
    await user.keyboard("{ArrowRight}");
    expect(
      usePrefsStore.getState().tables.events?.widths[
        "field:requestParameters.StoppedMode"
      ],
    ).toBe(200);
  });

  it("adds a whole object as compact JSON and a typed path no event carries; Reset columns removes them", async () => {
    const { user } = renderApp(stopSearch);
    const grid = await findGrid();
    await within(grid).findAllByRole("row");
    const { filter, fields } = await openChooser(user);
    await search(user, filter, "requestParameters");
    await user.click(
      within(fields).getByRole("checkbox", { name: "requestParameters" }),
    );
    await waitFor(() =>
      expect(headerNames(grid)).toContain("requestParameters"),
    );
    const lastCell = () =>
      within(within(grid).getAllByRole("row")[1]!)
        .getAllByRole("gridcell")
        .at(-1);
    expect(lastCell()).toHaveTextContent(`"InstanceId":"${prod.instanceId}"`);

    await search(user, filter, "additionalEventData.loginAccount");
    await user.click(
      screen.getByRole("button", {
        name: "Add additionalEventData.loginAccount as a column",
      }),
    );
    await waitFor(() =>
      expect(headerNames(grid)).toContain("additionalEventData.loginAccount"),
    );
    expect(lastCell()).toHaveTextContent("—");

    await user.click(screen.getByRole("button", { name: "Reset columns" }));
    await waitFor(() =>
      expect(headerNames(grid)).not.toContain("requestParameters"),
    );
    expect(headerNames(grid)).not.toContain("additionalEventData.loginAccount");
  });

  it("moves a column left and keeps the order in the saved preferences", async () => {
    const { user } = renderApp(stopSearch);
    const grid = await findGrid();
    await user.click(screen.getByText("Columns"));
    const before = headerNames(grid);
    expect(before.indexOf("Region")).toBeGreaterThan(
      before.indexOf("Read/write"),
    );
    await user.click(screen.getByRole("button", { name: "Move Region left" }));
    await waitFor(() => {
      const after = headerNames(grid);
      expect(after.indexOf("Region")).toBeLessThan(after.indexOf("Read/write"));
    });
    const saved = JSON.parse(
      localStorage.getItem("trailscope.prefs") ?? "{}",
    ) as { state?: { tables?: { events?: { order?: string[] } } } };
    const order = saved.state?.tables?.events?.order ?? [];
    expect(order.indexOf("region")).toBe(order.indexOf("rw") - 1);
    expect(
      screen.getByRole("button", { name: "Move Region left" }),
    ).toHaveFocus();

    // Keyboard: the buttons are reachable and work with Enter.
    screen.getByRole("button", { name: "Move Region right" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(usePrefsStore.getState().tables.events?.order.at(-1)).toBe(
        "region",
      ),
    );
    // At the end its right button is disabled: focus moves to the left one.
    expect(
      screen.getByRole("button", { name: "Move Region right" }),
    ).toBeDisabled();
    await waitFor(() =>
      expect(
        screen.getByRole("button", { name: "Move Region left" }),
      ).toHaveFocus(),
    );
  });

  it("pins two selected rows to the case file, shows them pressed, and unpins one", async () => {
    const { user } = renderApp(
      `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}`,
    );
    const grid = await findGrid();
    const rows = (await within(grid).findAllByRole("row")).slice(1, 3);
    for (const row of rows)
      await user.click(within(row).getByRole("checkbox", { name: /^Select / }));
    await user.click(
      screen.getByRole("button", { name: "Pin 2 selected to case" }),
    );
    const status = await screen.findByText(/^Pinned 2 events to case /);
    expect(status).toHaveAttribute("role", "status");

    const active = useCasesStore.getState();
    const pinned = active.cases.find((c) => c.id === active.activeCaseId);
    expect(pinned?.events).toHaveLength(2);
    expect(pinned?.events[0]?.search.href).toMatch(/^\/events\?/);
    for (const row of rows)
      expect(
        within(row).getByRole("button", { name: /^Pin .* to case$/ }),
      ).toHaveAttribute("aria-pressed", "true");
    // The selection is cleared once pinned.
    expect(
      screen.getByRole("button", { name: "Pin 0 selected to case" }),
    ).toBeDisabled();

    await user.click(
      within(rows[0]!).getByRole("button", { name: /^Pin .* to case$/ }),
    );
    expect(await screen.findByText(/^Unpinned /)).toHaveAttribute(
      "role",
      "status",
    );
    expect(
      within(rows[0]!).getByRole("button", { name: /^Pin .* to case$/ }),
    ).toHaveAttribute("aria-pressed", "false");
    const after = useCasesStore.getState();
    expect(
      after.cases.find((c) => c.id === after.activeCaseId)?.events,
    ).toHaveLength(1);
  });

  it("pins the open event from the View event pane", async () => {
    const { user } = renderApp(stopSearch);
    const grid = await findGrid();
    const row = (await within(grid).findAllByRole("row"))[1]!;
    row.focus();
    await user.keyboard("{Enter}");
    const pane = await screen.findByRole("region", { name: prod.eventName });
    const pin = within(pane).getByRole("button", { name: /Pin to case/ });
    expect(pin).toHaveAttribute("aria-pressed", "false");
    await user.click(pin);
    expect(pin).toHaveAttribute("aria-pressed", "true");
    expect(
      within(pane).getByText(`Pinned ${prod.eventName} to case`, {
        exact: false,
      }),
    ).toHaveAttribute("role", "status");
    expect(
      within(row).getByRole("button", { name: /^Pin .* to case$/ }),
    ).toHaveAttribute("aria-pressed", "true");
  });
});
