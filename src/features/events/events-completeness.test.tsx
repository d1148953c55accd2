import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { renderApp } from "@/testing/render";

const status = () =>
  screen.getAllByRole("status").find((s) => /loaded/.test(s.textContent ?? ""));

describe("event search: a complete result, or exactly what is missing", () => {
  it("names a failing region of All regions, never says all loaded, and Retry the missing parts fills it once the region answers", async () => {
    const account = installAccount();
    account.failRegions = ["eu-west-1"];
    const { user } = renderApp("/events?region=all&range=1h");
    const alert = await screen.findByRole(
      "alert",
      { name: /The result is incomplete/ },
      { timeout: 20_000 },
    );
    expect(alert).toHaveTextContent("eu-west-1");
    expect(alert).toHaveTextContent("ServiceUnavailable");
    expect(status()?.textContent).toMatch(/incomplete: 1 part failed/);
    expect(status()?.textContent).not.toMatch(/all loaded/);

    account.failRegions = [];
    await user.click(
      within(alert).getByRole("button", { name: "Retry the missing parts" }),
    );
    await waitFor(
      () =>
        expect(
          screen.queryByRole("alert", { name: /The result is incomplete/ }),
        ).toBeNull(),
      { timeout: 20_000 },
    );
    expect(status()?.textContent).not.toMatch(/incomplete/);
  }, 60_000);

  it("refuses a range past 90 days plainly: no status claiming all loaded and no Retry", async () => {
    installAccount();
    const from = new Date(Date.now() - 120 * 86_400_000)
      .toISOString()
      .replace(/\.\d+Z$/, "Z");
    const to = new Date(Date.now() - 100 * 86_400_000)
      .toISOString()
      .replace(/\.\d+Z$/, "Z");
    renderApp(`/events?region=cn-hangzhou&from=${from}&to=${to}`);
    const refusal = await screen.findByRole("alert", {}, { timeout: 8000 });
    expect(refusal).toHaveTextContent("This range cannot be searched");
    expect(screen.queryByText(/all loaded/)).toBeNull();
    expect(screen.queryByRole("button", { name: /Retry/ })).toBeNull();
  });

  it("holds back All regions rows older than what every region has read, and Load all shows them", async () => {
    installAccount({ scale: 0.1 });
    const { user } = renderApp("/events?region=all&range=7d");
    const note = await screen.findByRole("note", {}, { timeout: 20_000 });
    expect(note).toHaveTextContent(/held back until every region/);
    expect(status()?.textContent).toMatch(/more available/);
    await user.click(screen.getByRole("button", { name: /^Load all/ }));
    await waitFor(() => expect(status()?.textContent).toMatch(/all loaded/), {
      timeout: 40_000,
    });
    expect(screen.queryByText(/held back until every region/)).toBeNull();
  }, 60_000);
});
