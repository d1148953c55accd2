import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { installAccount, TEST_NOW } from "@mocks/node";
import { DAY } from "@/lib/time";
import { I18nWrapper } from "@/testing/i18n";
import { LogstoreRunner } from "./logstore-runner";

/**
 * The Query page's Log Service runner in the simulated account: trail
 * "org-audit-all" delivers to Log Service (project security-audit-hz); the
 * simulated Log Service (mocks/handlers/log-service.ts) matches the search
 * part over the simulated events and answers page by page, as the gateway
 * does from Log Service. (The whole page needs DuckDB-WASM, which only the
 * browser journeys load: e2e/query-logstore.spec.ts.)
 */
const TRAIL = {
  name: "org-audit-all",
  homeRegion: "cn-hangzhou",
  project: "security-audit-hz",
  logstore: "actiontrail_org-audit-all",
};

function Harness({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  return (
    <I18nWrapper>
      <MemoryRouter>
        <LogstoreRunner
          trail={TRAIL}
          text={text}
          onTextChange={setText}
          engine={undefined}
          region="cn-hangzhou"
          window={{ from: TEST_NOW - 30 * DAY, to: TEST_NOW }}
          history={{ remember: () => {} }}
        />
      </MemoryRouter>
    </I18nWrapper>
  );
}

describe("a query in a trail's logstore", () => {
  it("says where it runs, runs the search there and says what Log Service scanned", async () => {
    installAccount({ rateLimits: false, latency: [0, 0] });
    const user = userEvent.setup();
    render(<Harness initial="*" />);
    expect(
      screen.getByText(
        /Runs in Log Service, in logstore actiontrail_org-audit-all of project security-audit-hz/,
      ),
    ).toBeInTheDocument();
    await user.selectOptions(
      screen.getByRole("combobox", { name: /Example queries/ }),
      "sls-stopped-instances",
    );
    await user.click(
      screen.getByRole("button", { name: "Run in Log Service" }),
    );
    const status = await screen.findByText(
      /rows · Log Service scanned [\d,]+ logs \([\d.,]+ MB\) in [\d,]+ ms/,
      {},
      { timeout: 15_000 },
    );
    // Some rows, fewer than a page: StopInstance is rare (the table's rows are virtualized away in jsdom).
    const rows = Number(/^([\d,]+) rows/.exec(status.textContent ?? "")?.[1]);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(100);
    expect(
      screen.getByRole("region", { name: "Query results" }),
    ).toBeInTheDocument();
  });

  it("pages through logs a hundred at a time", async () => {
    installAccount({ rateLimits: false, latency: [0, 0] });
    const user = userEvent.setup();
    render(<Harness initial="event.eventRW: Read" />);
    await user.click(
      screen.getByRole("button", { name: "Run in Log Service" }),
    );
    const pages = await screen.findByRole(
      "navigation",
      { name: "Result pages" },
      { timeout: 15_000 },
    );
    expect(pages).toHaveTextContent("Page 1");
    await user.click(within(pages).getByRole("button", { name: "Next page" }));
    expect(
      await screen.findByRole(
        "navigation",
        { name: "Result pages" },
        { timeout: 15_000 },
      ),
    ).toHaveTextContent("Page 2");
  });

  it("shows Log Service's syntax error on its line and column", async () => {
    installAccount({ rateLimits: false, latency: [0, 0] });
    const user = userEvent.setup();
    const text = "event.eventRW: Write and (";
    render(<Harness initial={text} />);
    await user.click(
      screen.getByRole("button", { name: "Run in Log Service" }),
    );
    // The search stops after its last character (column 27 of 26).
    const alert = await screen.findByRole("alert", {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent("Line 1, column 27:");
    expect(alert).toHaveTextContent(
      "The search ends where a term was expected.",
    );
  });
});
