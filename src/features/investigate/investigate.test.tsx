import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { currentUrl, renderApp } from "@/testing/render";
import { useCasesStore } from "@/stores/cases-store";

const prod = INCIDENTS.stoppedProdInstance;
const leak = INCIDENTS.leakedAccessKey;

describe("Investigate", () => {
  it("goes from the search box to a resource and shows who stopped it with the StartInstance suggestion", async () => {
    const { user, router } = renderApp("/investigate");
    await user.type(
      await screen.findByRole("searchbox", { name: /User, role, AccessKey/ }),
      prod.instanceId,
    );
    await user.click(screen.getByRole("button", { name: "Investigate" }));
    const stop = await screen.findByRole(
      "article",
      { name: new RegExp(`^StopInstance by ${prod.userName}`) },
      { timeout: 15_000 },
    );
    expect(currentUrl(router)).toBe(
      `/investigate/resource?name=${prod.instanceId}`,
    );
    expect(within(stop).getByText(prod.sourceIp)).toBeInTheDocument();
    expect(
      within(stop).getByText(
        `aliyun ecs StartInstance --region ${prod.region} --InstanceId ${prod.instanceId}`,
      ),
    ).toBeInTheDocument();
    expect(
      within(stop).getByText(
        /Suggested way back \(review before running; Trailscope never runs it\)/,
      ),
    ).toBeInTheDocument();
  });

  it("audits an AccessKey: its owner and where it was used", async () => {
    renderApp(`/investigate/identity?kind=accessKey&value=${leak.accessKeyId}`);
    const audit = await screen.findByRole("region", {
      name: "AccessKey audit",
    });
    expect(
      await within(audit).findByRole("link", { name: leak.userName }),
    ).toHaveAttribute(
      "href",
      `/investigate/identity?kind=user&value=${leak.userName}`,
    );
    const summary = await screen.findByRole(
      "region",
      { name: "Summary" },
      { timeout: 15_000 },
    );
    for (const ip of leak.sourceIps)
      expect(
        within(summary).getByRole("link", { name: ip }),
      ).toBeInTheDocument();
  });

  it("pins events to a case that the case page lists", async () => {
    const { user } = renderApp(`/investigate/resource?name=${prod.instanceId}`);
    const stop = await screen.findByRole(
      "article",
      { name: new RegExp(`^StopInstance by ${prod.userName}`) },
      { timeout: 15_000 },
    );
    await user.click(
      within(stop).getByRole("button", { name: /^Pin StopInstance/ }),
    );
    expect(
      within(stop).getByRole("button", { name: /^Unpin StopInstance/ }),
    ).toHaveAttribute("aria-pressed", "true");
    const [theCase] = useCasesStore.getState().cases;
    expect(theCase?.events.map((e) => e.name)).toEqual(["StopInstance"]);
    expect(theCase?.events[0]?.search.href).toBe(
      `/investigate/resource?name=${prod.instanceId}`,
    );
    await user.click(screen.getByRole("link", { name: /Open case/ }));
    expect(
      await screen.findByRole("heading", { name: "Pinned events (1)" }),
    ).toBeInTheDocument();
  });
});
