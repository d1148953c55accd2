import { render as renderAlone, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nWrapper } from "@/testing/i18n";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { JsonTree } from "./json-tree";

const render = (ui: ReactElement) => renderAlone(ui, { wrapper: I18nWrapper });

const nest = (levels: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { level: value };
  return value;
};

describe("JsonTree", () => {
  it("shows keys such as __proto__ and constructor as ordinary keys without polluting prototypes", () => {
    const value: unknown = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"ok":1}',
    );
    render(
      <JsonTree value={value} label="Request parameters" defaultExpanded />,
    );
    expect(screen.getByText("__proto__")).toBeInTheDocument();
    expect(screen.getByText("constructor")).toBeInTheDocument();
    expect(screen.getAllByText("yes")).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("renders markup in values as text", () => {
    render(
      <JsonTree
        value={{ name: "<img src=x onerror=alert(1)>" }}
        label="Request parameters"
        defaultExpanded
      />,
    );
    expect(
      screen.getByText("<img src=x onerror=alert(1)>"),
    ).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });

  it("stops at the depth cap with a raw view of what lies deeper", async () => {
    const user = userEvent.setup();
    render(
      <JsonTree value={nest(104)} label="Request parameters" defaultExpanded />,
    );
    expect(screen.queryByText("bottom")).toBeNull();
    await user.click(screen.getByRole("button", { name: "View raw" }));
    expect(screen.getByText(/"bottom"/)).toBeInTheDocument();
  });

  it("cuts huge strings with their length and shows all on request", async () => {
    const user = userEvent.setup();
    const huge = "A".repeat(200_000);
    render(<JsonTree value={{ body: huge }} label="Request parameters" />);
    expect(screen.getByText(/\+198,000 characters/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show all" }));
    expect(screen.queryByText(/\+198,000 characters/)).toBeNull();
  });
});
