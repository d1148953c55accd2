import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { toRecorded } from "@mocks/data/recorded-events";
import { installAccount, TEST_NOW } from "@mocks/node";
import { currentUrl, renderApp } from "@/testing/render";

// The clock is TEST_NOW (setup.ts). The simulated account's events name the
// stopped production instance by its name beside its ID.
const prod = INCIDENTS.stoppedProdInstance;
const found = `Found as a resource: instance ${prod.instanceName} (${prod.instanceId})`;

/** A paragraph whose whole text is `text` (values inside it are isolated in their own elements). */
const paragraph = (text: string | RegExp) => (_: string, el: Element | null) =>
  el?.tagName === "P" &&
  (typeof text === "string"
    ? el.textContent === text
    : text.test(el.textContent ?? ""));

async function detect(value: string) {
  const view = renderApp("/investigate");
  await view.user.type(
    await screen.findByRole(
      "searchbox",
      { name: /User, role, AccessKey/ },
      { timeout: 15_000 },
    ),
    value,
  );
  expect(screen.getByRole("combobox", { name: "It is" })).toHaveDisplayValue(
    "Detect automatically",
  );
  await view.user.click(screen.getByRole("button", { name: "Investigate" }));
  return view;
}

describe("Investigate: detect automatically", () => {
  it(
    "finds an instance by its name, opens it by its ID and says what it chose",
    { timeout: 60_000 },
    async () => {
      installAccount({ now: TEST_NOW });
      const { router } = await detect(prod.instanceName);
      expect(
        await screen.findByText(paragraph(found), undefined, {
          timeout: 40_000,
        }),
      ).toBeInTheDocument();
      expect(currentUrl(router)).toBe(
        `/investigate/resource?name=${prod.instanceId}`,
      );
      expect(
        await screen.findByRole(
          "article",
          { name: new RegExp(`^StopInstance by ${prod.userName}`) },
          { timeout: 15_000 },
        ),
      ).toBeInTheDocument();
    },
  );

  it(
    "finds a user and an AccessKey from the events that name them",
    { timeout: 60_000 },
    async () => {
      installAccount({ now: TEST_NOW });
      const { router } = await detect(prod.userName);
      expect(
        await screen.findByText(
          paragraph(`Found as an identity: user ${prod.userName}`),
          undefined,
          { timeout: 40_000 },
        ),
      ).toBeInTheDocument();
      expect(currentUrl(router)).toBe(
        `/investigate/identity?kind=user&value=${prod.userName}`,
      );
    },
  );

  it(
    "offers an unambiguous choice when a user and an instance share the name",
    { timeout: 60_000 },
    async () => {
      const account = installAccount({ now: TEST_NOW });
      account.recordEvent(
        toRecorded({
          eventId: "5F0E6D1C-0000-4000-8000-000000000001",
          eventVersion: 1,
          eventSource: "ecs.cn-hangzhou.aliyuncs.com",
          eventType: "ApiCall",
          eventName: "DescribeRegions",
          serviceName: "Ecs",
          apiVersion: "2014-05-26",
          requestId: "5F0E6D1C-1111-4000-8000-000000000001",
          eventTime: new Date(TEST_NOW - 3_600_000)
            .toISOString()
            .replace(/\.\d{3}Z$/, "Z"),
          isGlobal: false,
          acsRegion: "cn-hangzhou",
          sourceIpAddress: "198.51.100.7",
          userAgent: "aliyun-cli/3.0",
          userIdentity: {
            type: "ram-user",
            accountId: "1234567890123456",
            principalId: "2000000000000009",
            userName: prod.instanceName,
          },
        })!,
      );
      const { user, router } = await detect(prod.instanceName);
      expect(
        await screen.findByText(
          paragraph(/^Events name “.*” as more than one thing/),
          undefined,
          { timeout: 40_000 },
        ),
      ).toBeInTheDocument();
      const asUser = screen.getByRole("link", {
        name: `Investigate user ${prod.instanceName}`,
      });
      expect(asUser).toHaveAttribute(
        "href",
        `/investigate/identity?kind=user&value=${prod.instanceName}`,
      );
      await user.click(
        screen.getByRole("link", {
          name: `Investigate instance ${prod.instanceName} (${prod.instanceId})`,
        }),
      );
      expect(await screen.findByText(paragraph(found))).toBeInTheDocument();
      expect(currentUrl(router)).toBe(
        `/investigate/resource?name=${prod.instanceId}`,
      );
    },
  );

  it(
    "says when no event names the value, and still offers the readings its shape suggests",
    { timeout: 60_000 },
    async () => {
      installAccount({ now: TEST_NOW });
      await detect("no-such-thing-42");
      expect(
        await screen.findByText(
          paragraph(
            /^No event of the last 7 days names “no-such-thing-42” as a user, an AccessKey, an address or a resource/,
          ),
          undefined,
          { timeout: 40_000 },
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByRole("link", { name: "Investigate user no-such-thing-42" }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole("link", {
          name: "Investigate resource no-such-thing-42",
        }),
      ).toBeInTheDocument();
    },
  );
});
