import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePrefsStore } from "@/stores/prefs-store";
import { renderApp } from "@/testing/render";

describe("the console in Chinese and English", () => {
  it("switches to Chinese from the header: labels, accessible names and the document's lang follow, and the choice is remembered", async () => {
    const { user } = renderApp("/trails?region=cn-hangzhou");
    expect(document.documentElement.lang).toBe("en-US");
    await user.selectOptions(
      await screen.findByRole("combobox", { name: "Language" }),
      "zh-CN",
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "跟踪" }),
    ).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "主导航" });
    expect(within(nav).getByRole("link", { name: "事件" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "设置" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "语言" })).toHaveValue("zh-CN");
    expect(
      screen.getByRole("button", { name: /切换到(深色|浅色)主题/ }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(usePrefsStore.getState().locale).toBe("zh-CN");
    // The trails table follows too, labels read through the catalogs at render.
    expect(
      await screen.findByRole("columnheader", { name: "记录的地域" }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole("cell", { name: "所有地域" }).length,
    ).toBeGreaterThan(0);

    await user.selectOptions(
      screen.getByRole("combobox", { name: "语言" }),
      "en-US",
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Trails" }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en-US");
  });

  it("names the regions as DescribeRegions gives them in Chinese", async () => {
    usePrefsStore.setState({ locale: "zh-CN" });
    renderApp("/trails?region=cn-hangzhou");
    const switcher = await screen.findByRole("combobox", { name: "地域" });
    await waitFor(() =>
      expect(
        within(switcher).getByRole("option", {
          name: "华东1（杭州） · cn-hangzhou",
        }),
      ).toBeInTheDocument(),
    );
    expect(
      within(switcher).getByRole("option", { name: "新加坡 · ap-southeast-1" }),
    ).toBeInTheDocument();
  });

  it("offers Beijing time as a choice of its own, and shows times in it with the zone", async () => {
    const { user } = renderApp("/settings");
    await user.click(
      await screen.findByRole("radio", { name: "Beijing time (UTC+8)" }),
    );
    expect(usePrefsStore.getState().timeZone).toBe("beijing");
    await user.click(screen.getByRole("link", { name: "Trails" }));
    expect(
      await screen.findByRole("columnheader", { name: "Created (UTC+08:00)" }),
    ).toBeInTheDocument();
  });
});
