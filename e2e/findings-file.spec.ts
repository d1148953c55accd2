import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E_NOW, expect, openConsole, test } from "./fixtures";
import { InsightsPage } from "./pages/insights";

/**
 * An organisation's own events, loaded in Settings, hold three incidents among
 * five weeks of ordinary work. Over the last 30 days the Findings screen names
 * each with its evidence: a dormant AccessKey that wakes up from a new
 * address, a bucket made public and a security group opened to the internet.
 * Every time is counted back from the journey's fixed clock.
 */

const ACCOUNT = "1730052288146603";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const REGION = "cn-beijing";

const QUIET_KEY = "LTAI5tHarbourBackup9";
const WAKE_IP = "45.77.180.23";
const BUCKET = "northwind-harbour-manifests";
const GROUP = "sg-2zeharbour0022ssh";

interface Who {
  userName: string;
  ip: string;
  accessKeyId?: string;
}

const STAFF: Who[] = [
  { userName: "ingrid.okafor", ip: "203.0.113.41" },
  { userName: "tomas.reyes", ip: "203.0.113.42" },
  { userName: "wen.harbour", ip: "203.0.113.43" },
];

let serial = 0;
function event(
  who: Who,
  atMs: number,
  name: string,
  service: string,
  rw: "Read" | "Write",
  requestParameters: Record<string, unknown> = {},
): Record<string, unknown> {
  serial += 1;
  return {
    eventId: `nwh-${String(serial).padStart(5, "0")}`,
    eventVersion: 1,
    eventTime: new Date(atMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventName: name,
    eventType: who.accessKeyId ? "ApiCall" : "ConsoleOperation",
    eventRW: rw,
    eventSource: `${service.toLowerCase()}.${REGION}.aliyuncs.com`,
    serviceName: service,
    acsRegion: REGION,
    recipientAccountId: ACCOUNT,
    sourceIpAddress: who.ip,
    userAgent: who.accessKeyId ? "aliyun-cli/3.0.210" : "console.aliyun.com",
    requestId: `req-${serial}`,
    userIdentity: {
      type: "ram-user",
      accountId: ACCOUNT,
      principalId: `27${String(STAFF.indexOf(who) + 10)}0045`,
      userName: who.userName,
      ...(who.accessKeyId ? { accessKeyId: who.accessKeyId } : {}),
    },
    requestParameters,
  };
}

/** Midnight UTC of the day `daysBack` days before the clock, plus some hours. */
const at = (daysBack: number, hours: number) =>
  Math.floor((E2E_NOW - daysBack * DAY) / DAY) * DAY + hours * HOUR;

function harbourEvents(): Record<string, unknown>[] {
  serial = 0;
  const out: Record<string, unknown>[] = [];
  // Ordinary work: each person reads and lists a few things every day, from their office address.
  for (let d = 35; d >= 1; d--) {
    STAFF.forEach((who, i) => {
      out.push(
        event(who, at(d, 1 + i), "DescribeInstances", "Ecs", "Read"),
        event(who, at(d, 2 + i), "ListBuckets", "Oss", "Read"),
        event(who, at(d, 3 + i), "DescribeSecurityGroups", "Ecs", "Read"),
      );
    });
  }
  const backup: Who = {
    userName: "backup.agent",
    ip: "203.0.113.90",
    accessKeyId: QUIET_KEY,
  };
  // (a) The backup key was last used 34 days back, then wakes up 20 days back from an address never seen for it.
  out.push(event(backup, at(34, 2), "ListBuckets", "Oss", "Read"));
  const woken: Who = { ...backup, ip: WAKE_IP };
  out.push(
    event(woken, at(20, 3), "ListBuckets", "Oss", "Read"),
    event(woken, at(20, 3) + 60_000, "GetBucketAcl", "Oss", "Read", {
      BucketName: BUCKET,
    }),
    event(woken, at(20, 3) + 120_000, "DescribeInstances", "Ecs", "Read"),
  );
  // (c) A security group opened to the internet on port 22, 12 days back.
  out.push(
    event(STAFF[1]!, at(12, 6), "AuthorizeSecurityGroup", "Ecs", "Write", {
      SecurityGroupId: GROUP,
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
      Policy: "accept",
    }),
  );
  // (b) A bucket made public-read-write, 9 days back.
  out.push(
    event(STAFF[2]!, at(9, 7), "PutBucketAcl", "Oss", "Write", {
      BucketName: BUCKET,
      "x-oss-acl": "public-read-write",
    }),
  );
  return out.sort((a, b) =>
    String(a.eventTime).localeCompare(String(b.eventTime)),
  );
}

async function loadHarbourFile(page: Page): Promise<number> {
  const events = harbourEvents();
  await openConsole(page, "/settings?mock-latency=0-0");
  await page.getByLabel("Events file").setInputFiles({
    name: "northwind-harbour.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(events)),
  });
  await expect(
    page.getByText(`Showing ${events.length} events from`),
  ).toBeVisible();
  return events.length;
}

test.describe("findings over a loaded events file", () => {
  test.describe.configure({ timeout: 120_000 });

  test("over the last 30 days, the dormant key, the public bucket and the open port are findings with their evidence", async ({
    page,
  }) => {
    await loadHarbourFile(page);
    const insights = new InsightsPage(page);
    await page.goto("/insights/findings?mock-latency=0-0");
    await expect(
      page.getByRole("heading", { name: "Findings", level: 2 }),
    ).toBeVisible();
    await insights.findings
      .getByLabel("Range")
      .selectOption({ label: "Last 30 days" });
    await expect(page).toHaveURL(/days=30/);
    await expect(insights.findings.getByText(/events examined/)).toBeVisible({
      timeout: 60_000,
    });

    // (a) The key woke up after days of silence, from an address new for it.
    const dormant = /Dormant credential active: .*LTAI5tHarbourBackup9/;
    await expect(insights.finding(dormant)).toBeVisible({ timeout: 60_000 });
    const wake = await insights.evidence(dormant);
    await expect(wake.getByText("Addresses (all new for it)")).toBeVisible();
    await expect(wake.getByText(WAKE_IP, { exact: true })).toBeVisible();

    // (b) The bucket made public-read-write, with who did it and from where.
    const publicAcl = /OSS bucket made public by its ACL/;
    const bucket = await insights.evidence(publicAcl);
    await expect(bucket.getByText(BUCKET).first()).toBeVisible();
    await expect(bucket.getByText("public-read-write")).toBeVisible();
    await expect(bucket.getByText("wen.harbour")).toBeVisible();
    await expect(
      bucket.getByText("203.0.113.43", { exact: true }),
    ).toBeVisible();
    await expect(
      bucket.getByText("(used by this actor before)").first(),
    ).toBeVisible();

    // (c) The security group opened to 0.0.0.0/0 on port 22.
    const openPort = /SSH, RDP, database or all ports opened to the internet/;
    const group = await insights.evidence(openPort);
    await expect(group.getByText(GROUP).first()).toBeVisible();
    await expect(group.getByText("22/22")).toBeVisible();
    await expect(group.getByText("0.0.0.0/0")).toBeVisible();

    // From the finding, Investigate opens the address it names.
    await insights
      .finding(dormant)
      .getByRole("link", { name: `Investigate address ${WAKE_IP}` })
      .click();
    await expect(page).toHaveURL(/\/investigate\/identity\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("kind")).toBe("ip");
    expect(url.searchParams.get("value")).toBe(WAKE_IP);
  });

  test("the loaded file's own span is a range, said with the events it read, and a custom range is accessible", async ({
    page,
  }) => {
    const count = await loadHarbourFile(page);
    const insights = new InsightsPage(page);
    await page.goto("/insights/findings?mock-latency=0-0");
    const range = insights.findings.getByRole("combobox", { name: "Range" });
    await range.selectOption({ label: "The loaded events file" });
    await expect(page).toHaveURL(/from=.*&to=/);
    await expect(
      insights.findings.getByText(
        "Events from the loaded file northwind-harbour.json, not from ActionTrail.",
      ),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      insights.findings.getByText(
        new RegExp(`both ends included\\), .*: ${count} events examined`),
      ),
    ).toBeVisible();
    await expect(
      insights.finding(
        /SSH, RDP, database or all ports opened to the internet/,
      ),
    ).toBeVisible();

    await range.selectOption({ label: "Custom range…" });
    const form = insights.findings.getByRole("form", {
      name: "Custom time range",
    });
    await expect(form.getByRole("textbox", { name: /^From/ })).not.toHaveValue(
      "",
    );
    await expectAccessible(page, "Findings with a custom range");
  });
});
