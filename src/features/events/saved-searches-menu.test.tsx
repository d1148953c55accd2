import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { useSavedSearchesStore } from "@/stores/saved-searches-store";
import { currentUrl, renderApp } from "@/testing/render";

async function openMenu(url: string) {
  const app = renderApp(url);
  const button = await screen.findByRole(
    "button",
    { name: /^Saved searches/ },
    { timeout: 8000 },
  );
  await screen.findByRole("grid", { name: "Events" }, { timeout: 8000 });
  await app.user.click(button);
  const panel = screen.getByRole("region", { name: "Saved searches" });
  return { ...app, button, panel };
}

describe("saved searches through the events page", () => {
  it("saves the search frozen at the window read, asks before a second save replaces it, renames and deletes it", async () => {
    const { user, panel } = await openMenu(
      "/events?region=cn-hangzhou&range=24h&f=ServiceName%3AEcs",
    );
    await user.click(
      within(panel).getByRole("button", { name: "Save this search…" }),
    );
    let dialog = screen.getByRole("dialog", { name: "Save this search" });
    await user.type(within(dialog).getByLabelText("Name"), "ECS");
    await user.click(within(dialog).getByLabelText(/Freeze the window read/));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    const [saved] = useSavedSearchesStore.getState().searches;
    expect(saved).toMatchObject({
      name: "ECS",
      region: "cn-hangzhou",
      range: { kind: "frozen" },
      filters: [{ key: "ServiceName", value: "Ecs" }],
    });
    expect(saved?.columns?.length).toBeGreaterThan(0);

    await user.click(
      within(panel).getByRole("button", { name: "Save this search…" }),
    );
    dialog = screen.getByRole("dialog", { name: "Save this search" });
    await user.type(within(dialog).getByLabelText("Name"), "ECS");
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "A saved search is already named ECS.",
    );
    expect(
      within(dialog).getByRole("button", { name: "Replace" }),
    ).toBeDisabled();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await user.click(within(panel).getByRole("button", { name: "Rename ECS" }));
    dialog = screen.getByRole("dialog", { name: "Rename saved search" });
    const name = within(dialog).getByLabelText("Name");
    await user.clear(name);
    await user.type(name, "ECS weekly");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));
    expect(
      within(panel).getByRole("link", { name: "Open ECS weekly" }),
    ).toBeInTheDocument();
    await user.click(
      within(panel).getByRole("button", { name: "Delete ECS weekly" }),
    );
    expect(useSavedSearchesStore.getState().searches).toEqual([]);
  });

  it("opens the AccessKey starter with the key typed", async () => {
    const { user, panel, router } = await openMenu(
      "/events?region=cn-hangzhou&range=24h",
    );
    await user.type(
      within(panel).getByLabelText("AccessKey ID"),
      "LTAI'key%_\\",
    );
    await user.click(
      within(panel).getByRole("button", {
        name: "Open Everything an AccessKey did",
      }),
    );
    await waitFor(() =>
      expect(
        new URLSearchParams(currentUrl(router).split("?")[1]).getAll("f"),
      ).toEqual(["EventAccessKeyId:LTAI'key%_\\"]),
    );
  });

  it("a saved search's link applies its columns and leaves the address the search's own", async () => {
    const { router } = renderApp(
      "/events?region=cn-hangzhou&range=24h&col=user&col=time",
    );
    await waitFor(() =>
      expect(usePrefsStore.getState().tables.events?.order.slice(0, 2)).toEqual(
        ["user", "time"],
      ),
    );
    expect(usePrefsStore.getState().tables.events?.hidden).toContain("name");
    await waitFor(() => expect(currentUrl(router)).not.toContain("col="));
  });
});
