import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { renderApp } from "@/testing/render";

describe("a search the API cannot combine, with a logstore in the account", () => {
  it("says so and offers to run the whole search as one Log Service query", async () => {
    installAccount({ rateLimits: false, latency: [0, 0] });
    renderApp(
      "/events?region=cn-hangzhou&range=24h&f=User:alice&f=ServiceName:Ecs&f=EventName:StopInstance",
    );
    const link = await screen.findByRole(
      "link",
      { name: "Run in Log Service" },
      { timeout: 15_000 },
    );
    expect(
      screen.getByText(/LookupEvents cannot combine all these conditions/),
    ).toHaveTextContent("org-audit-all");
    const href = new URL(link.getAttribute("href") ?? "", "http://x");
    expect(href.pathname).toBe("/query");
    expect(href.searchParams.get("source")).toBe("logstore");
    expect(href.searchParams.get("trail")).toBe("cn-hangzhou/org-audit-all");
    expect(href.searchParams.get("q")).toMatch(
      /^event\.userIdentity\.userName: "alice" and event\.serviceName: "Ecs" and event\.eventName: "StopInstance" \| SELECT /,
    );
  });
});
