import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount, TEST_NOW } from "@mocks/node";
import { currentUrl, renderApp } from "@/testing/render";
import { useCasesStore } from "@/stores/cases-store";

const bucket = INCIDENTS.publicBucket;

describe("Acting on a finding", () => {
  it(
    "adds its events to the case file once, shows the rule hit's address and resource, and investigates them",
    { timeout: 60_000 },
    async () => {
      vi.setSystemTime(TEST_NOW);
      installAccount({ now: TEST_NOW });
      const { user, router } = renderApp(
        "/insights/findings?region=cn-hangzhou",
      );
      const view = await screen.findByRole(
        "region",
        { name: "Findings" },
        { timeout: 20_000 },
      );
      const card = await within(view).findByRole(
        "article",
        { name: new RegExp(bucket.userName.replace(".", "\\.")) },
        { timeout: 30_000 },
      );

      // The rule hit's evidence: the resource, the request and where it came from.
      await user.click(within(card).getByText("Evidence", { exact: true }));
      const hit = within(card).getByRole("region", {
        name: "OSS bucket made public by its ACL",
      });
      expect(within(hit).getAllByText(new RegExp(bucket.bucket)).length).toBe(
        2,
      );
      expect(within(hit).getByText(bucket.acl)).toBeInTheDocument();
      // liu.yang works from this address every day: not new for them.
      expect(
        within(hit).getByText("Source IP").closest("div")?.textContent,
      ).toBe("Source IP203.0.113.58 (used by this actor before)");
      expect(within(hit).getByText("Region").closest("div")?.textContent).toBe(
        `Region${bucket.region} (used by this actor before)`,
      );

      // Add to case: a new case holds the finding's events, with the PutBucketAcl as the service sent it.
      await user.click(
        within(card).getByRole("button", { name: "Add to case" }),
      );
      expect(within(card).getByRole("status").textContent).toMatch(
        /^Added \d+ events? to case Case /,
      );
      const [created] = useCasesStore.getState().cases;
      expect(useCasesStore.getState().cases).toHaveLength(1);
      const acl = created?.events.find(
        (e) =>
          e.name === bucket.eventName &&
          JSON.stringify(e.raw).includes(bucket.acl),
      );
      expect(acl?.search.label).toMatch(/^Finding: liu\.yang/);
      expect(acl?.search.href).toMatch(/^\/events\?/);
      const count = created?.events.length;
      await user.click(
        within(card).getByRole("button", { name: "Add to case" }),
      );
      expect(within(card).getByRole("status")).toHaveTextContent(
        /^Its events are already in case Case /,
      );
      expect(useCasesStore.getState().cases[0]?.events.length).toBe(count);

      // Links to investigate the resource and the address the finding names.
      const resource = within(card).getByRole("link", {
        name: `Investigate resource ${bucket.bucket}`,
      });
      expect(resource.getAttribute("href")).toMatch(
        new RegExp(`^/investigate/resource\\?name=${bucket.bucket}&range=`),
      );
      const address = within(card)
        .getAllByRole("link", { name: /^Investigate address / })
        .at(0);
      expect(address).toBeDefined();
      const ip = address!.textContent.replace("Investigate address ", "");
      const href = address!.getAttribute("href");
      expect(href).toMatch(
        new RegExp(`^/investigate/identity\\?kind=ip&value=${ip}(&range=|$)`),
      );
      await user.click(address!);
      await waitFor(() => expect(currentUrl(router)).toBe(href), {
        timeout: 15_000,
      });
    },
  );
});
