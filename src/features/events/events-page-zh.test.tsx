import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { renderApp } from "@/testing/render";

const prod = INCIDENTS.stoppedProdInstance;

describe("event search in Chinese", () => {
  it("finds the stopped instance and reads it in the pane, every label in Chinese and ActionTrail's values as sent", async () => {
    const { user } = renderApp(
      `/events?region=cn-hangzhou&f=ResourceName%3A${prod.instanceId}&f=EventName%3A${prod.eventName}`,
    );
    await user.selectOptions(
      await screen.findByRole(
        "combobox",
        { name: "Language" },
        { timeout: 8000 },
      ),
      "zh-CN",
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "事件" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("search", { name: "事件查询" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "时间范围" })).toHaveValue(
      "7d",
    );
    expect(
      screen.getByRole("option", { name: "最近 7 天" }),
    ).toBeInTheDocument();
    const chips = screen.getByRole("list", { name: "条件" });
    expect(chips).toHaveTextContent(`资源名称 = ${prod.instanceId}`);
    expect(chips).toHaveTextContent("在服务端执行");
    const grid = await screen.findByRole(
      "grid",
      { name: "事件" },
      { timeout: 8000 },
    );
    expect(
      within(grid).getByRole("columnheader", { name: /事件时间/ }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/已加载 1 个/)).toHaveAttribute(
      "role",
      "status",
    );
    expect(screen.getByRole("button", { name: /全部加载/ })).toBeVisible();
    const rows = await within(grid).findAllByRole("row");
    rows[1]!.focus();
    await user.keyboard("{Enter}");
    const pane = await screen.findByRole("region", { name: prod.eventName });
    expect(
      within(pane).getByRole("button", { name: "关闭事件详情" }),
    ).toBeInTheDocument();
    expect(within(pane).getByText("操作者")).toBeInTheDocument();
    expect(
      within(pane).getByRole("heading", { name: "请求参数" }),
    ).toBeInTheDocument();
    // The event's own values stay as ActionTrail sent them.
    expect(pane).toHaveTextContent(prod.eventName);
    expect(pane).toHaveTextContent(prod.sourceIp);
  });
});
