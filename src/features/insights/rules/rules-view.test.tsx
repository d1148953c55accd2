import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { installAccount } from "@mocks/node";
import { packRules } from "@/lib/sigma/rule-pack";
import { renderApp } from "@/testing/render";
import { useRulesStore } from "@/stores/rules-store";

const NOW = Date.UTC(2026, 10, 25, 3, 0);

const BROKEN = `title: Describe calls
detection:
  sel:
    eventName|base64: DescribeInstances
  condition: sel
`;

const DESCRIBES = `title: Describe calls of any service
detection:
  sel:
    eventName|startswith: Describe
  condition: sel
level: low
`;

describe("Rules view", () => {
  it("refuses a rule with its line, keeps the text, then adds a valid one with its hits; a switched-off pack rule stays off", async () => {
    vi.setSystemTime(NOW);
    installAccount({ now: NOW });
    const { user } = renderApp("/insights/rules?region=cn-hangzhou");
    const examined = await screen.findByText(
      /^Hits counted on [\d,]+ events of cn-hangzhou/,
      undefined,
      { timeout: 20_000 },
    );
    expect(examined).toBeInTheDocument();

    const box = screen.getByRole("textbox", { name: /Sigma rules/ });
    await user.click(box);
    await user.paste(BROKEN);
    await user.click(screen.getByRole("button", { name: "Add rules" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      /Rule 1 \(“Describe calls”\), line 4: .*base64/,
    );
    expect(box).toHaveValue(BROKEN);

    await user.clear(box);
    await user.paste(DESCRIBES);
    await user.click(screen.getByRole("button", { name: "Add rules" }));
    const added = await screen.findByRole("list", { name: "Rules just added" });
    expect(added).toHaveTextContent(
      /Added “Describe calls of any service”: [1-9][\d,]* matching events/,
    );
    expect(within(added).getAllByText(/^Describe/).length).toBeGreaterThan(0);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(box).toHaveValue("");
    expect(
      screen.getByRole("rowheader", { name: /Describe calls of any service/ }),
    ).toBeInTheDocument();

    const rule = packRules().find((r) => r.meta.id)!;
    const toggle = screen.getByRole("switch", {
      name: `Use ${rule.meta.title}`,
    });
    expect(toggle).toHaveAttribute("aria-checked", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-checked", "false");
    const stored = JSON.parse(localStorage.getItem("trailscope.rules")!) as {
      state: { disabled: string[]; userRules: { yaml: string }[] };
    };
    expect(stored.state.disabled).toContain(rule.meta.id);
    expect(stored.state.userRules.map((r) => r.yaml)).toEqual([DESCRIBES]);
    expect(useRulesStore.getState().disabled).toEqual([rule.meta.id]);
  }, 60_000);
});
