import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deliveryKey } from "@/lib/archive/delivery-path";
import {
  bucketObjects,
  generatedBody,
  startOssStandIn,
  type RunningOssStandIn,
  type StandInObject,
} from "../testing/oss-stand-in";
import {
  call,
  fromConsole,
  TEST_KEY,
  useGatewayWorld,
} from "../testing/gateway-world";

/**
 * The gateway's archive routes against a loopback OSS that checks V4
 * signatures, with the simulated account's trails in the ActionTrail
 * stand-in: trail "org-audit-all" (cn-hangzhou) delivers to bucket
 * "trailscope-audit-archive" under "audit-logs".
 */
const STS_KEY = {
  accessKeyId: "STS.NUossTestRole01",
  accessKeySecret: "sts-oss-secret-Kp4wQ8",
  securityToken: "CAIS-oss-sts-token-Xv71",
};
const world = useGatewayWorld({ keys: [STS_KEY] });
const TRAIL = "/api/_archive/cn-hangzhou/org-audit-all";
const PREFIX = "audit-logs";
const BASE = Date.UTC(2026, 9, 1, 0, 0, 0);
const DAY = 86_400_000;
const MiB = 1024 * 1024;

function deliveryFile(
  region: string,
  at: number,
  events: number,
): StandInObject {
  const text = JSON.stringify(
    Array.from({ length: events }, (_, i) => ({
      eventId: `${region}-${at}-${i}`,
      eventTime: new Date(at).toISOString(),
      eventName: "DescribeInstances",
    })),
  );
  const bytes = gzipSync(text);
  return {
    key: deliveryKey({
      prefix: PREFIX,
      region,
      writtenAt: at,
      eventCount: events,
      bytes: bytes.length,
      md5: "0123456789abcdef0123456789abcdef",
    }),
    size: bytes.length,
    lastModified: new Date(at + 60_000).toISOString(),
    body: () => bytes,
  };
}

/** Three files a day in two regions for five days, from 2026-10-01. */
const delivered: StandInObject[] = [];
for (const region of ["cn-hangzhou", "cn-shanghai"])
  for (let d = 0; d < 5; d++)
    for (let f = 0; f < 3; f++)
      delivered.push(deliveryFile(region, BASE + d * DAY + f * 3_600_000, 2));

/** Released by a test to let the slow object finish. */
let releaseSlow: () => void = () => {};
const slowKey = deliveryFile("cn-hangzhou", BASE + 20 * DAY, 1).key;
const bigKey = deliveryFile("cn-hangzhou", BASE + 21 * DAY, 1).key;
const SLOW_SIZE = 8 * MiB;

const extra: StandInObject[] = [
  {
    key: `${PREFIX}/AliyunLogs/Actiontrail/cn-hangzhou/2026/10/01/notes.txt`,
    size: 5,
    lastModified: new Date(BASE).toISOString(),
    body: () => Buffer.from("notes"),
  },
  {
    key: "finance/2026/salaries.csv",
    size: 6,
    lastModified: new Date(BASE).toISOString(),
    body: () => Buffer.from("secret"),
  },
  {
    key: bigKey,
    size: 3 * MiB,
    lastModified: new Date(BASE).toISOString(),
    body: generatedBody(3 * MiB),
  },
  {
    key: slowKey,
    size: SLOW_SIZE,
    lastModified: new Date(BASE).toISOString(),
    // One MiB, then nothing until the test has seen bytes reach the browser.
    body: () => {
      const released = new Promise<void>((done) => (releaseSlow = done));
      let step = 0;
      return new Readable({
        read() {
          if (step === 0) {
            step = 1;
            this.push(Buffer.alloc(MiB, 0x62));
          } else if (step === 1) {
            step = 2;
            void released.then(() => {
              this.push(Buffer.alloc(SLOW_SIZE - MiB, 0x63));
              this.push(null);
            });
          }
        },
      });
    },
  },
];

let oss: RunningOssStandIn;
beforeAll(async () => {
  oss = await startOssStandIn({
    keys: [TEST_KEY, STS_KEY],
    maxKeysCap: 2,
    buckets: [
      {
        name: "trailscope-audit-archive",
        region: "cn-hangzhou",
        objects: bucketObjects([...delivered, ...extra]),
      },
      {
        name: "finance-reports-2026",
        region: "cn-hangzhou",
        acl: "public-read",
        objects: bucketObjects([]),
      },
    ],
  });
});
afterAll(() => oss.close());

const gatewayWithOss = (env: Record<string, string> = {}) =>
  world.gateway({ GATEWAY_OSS_ENDPOINT: oss.endpoint, ...env });

interface Listing {
  RequestId: string;
  Bucket: string;
  Prefix: string;
  Files: { Key: string; Size: number; LastModified: string }[];
}

describe("listing a trail's archive", () => {
  it("lists exactly the days asked, every region, over many pages, in the simulated account's shape", async () => {
    const gw = await gatewayWithOss();
    const before = oss.received.length;
    const answer = await call(
      gw,
      `${TRAIL}/files?from=2026-10-02&to=2026-10-03`,
      {
        headers: fromConsole(gw),
      },
    );
    expect(answer.status).toBe(200);
    const body = answer.json<Listing>();
    expect(Object.keys(body).sort()).toEqual([
      "Bucket",
      "Files",
      "Prefix",
      "RequestId",
    ]);
    expect(body.Bucket).toBe("trailscope-audit-archive");
    expect(body.Prefix).toBe(PREFIX);
    const expected = delivered
      .filter((f) => /\/2026\/10\/0[23]\//.test(f.key))
      .map((f) => f.key)
      .sort();
    expect(body.Files.map((f) => f.Key)).toEqual(expected);
    expect(body.Files[0]).toEqual({
      Key: expected[0],
      Size: expect.any(Number) as number,
      LastModified: expect.stringMatching(
        /^2026-10-02T\d\d:\d\d:\d\d\.\d{3}Z$/,
      ) as string,
    });
    const pages = oss.received.slice(before).filter((r) => r.query.marker);
    expect(pages.length).toBeGreaterThan(0);
    expect(oss.received.slice(before).every((r) => !r.refused)).toBe(true);
  });

  it("refuses more than 31 days as the simulated account does", async () => {
    const gw = await gatewayWithOss();
    const answer = await call(
      gw,
      `${TRAIL}/files?from=2026-10-01&to=2026-11-01`,
      {
        headers: fromConsole(gw),
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({
      Code: "InvalidParameterDateOutOfRange",
    });
  });

  it("answers TrailNotFoundException for a trail the account does not have", async () => {
    const gw = await gatewayWithOss();
    const before = oss.received.length;
    const answer = await call(
      gw,
      "/api/_archive/cn-hangzhou/no-such-trail/files?from=2026-10-01&to=2026-10-02",
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ Code: "TrailNotFoundException" });
    expect(oss.received.length).toBe(before);
  });
});

describe("reading one delivered file", () => {
  it("passes the file's bytes on as stored", async () => {
    const gw = await gatewayWithOss();
    const file = delivered[0]!;
    const answer = await fetchBytes(
      gw.url,
      `${TRAIL}/object?key=${encodeURIComponent(file.key)}`,
      fromConsole(gw),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/gzip");
    expect(answer.bytes.equals(file.body() as Buffer)).toBe(true);
  });

  it.each([
    ["a key outside the delivery prefix", "finance/2026/salaries.csv"],
    ["a file under the prefix that is not a delivery", extra[0]!.key],
  ])(
    "refuses %s with 403 and the reason, without asking OSS",
    async (_, key) => {
      const gw = await gatewayWithOss();
      const before = oss.received.length;
      const answer = await call(
        gw,
        `${TRAIL}/object?key=${encodeURIComponent(key)}`,
        {
          headers: fromConsole(gw),
        },
      );
      expect(answer.status).toBe(403);
      const body = answer.json<{ Code: string; Message: string }>();
      expect(body.Code).toBe("AccessDenied");
      expect(body.Message).toMatch(/deliver/);
      expect(oss.received.length).toBe(before);
    },
  );

  it("refuses a file larger than the configured limit before passing any byte", async () => {
    const gw = await gatewayWithOss({
      GATEWAY_MAX_ARCHIVE_OBJECT_BYTES: String(MiB),
    });
    const answer = await call(
      gw,
      `${TRAIL}/object?key=${encodeURIComponent(bigKey)}`,
      {
        headers: fromConsole(gw),
      },
    );
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ Code: "Gateway.ResponseTooLarge" });
  });

  it("streams a large file: the first bytes reach the browser before OSS has sent the rest", async () => {
    const gw = await gatewayWithOss();
    const answer = await fetchBytes(
      gw.url,
      `${TRAIL}/object?key=${encodeURIComponent(slowKey)}`,
      fromConsole(gw),
      () => releaseSlow(),
    );
    expect(answer.status).toBe(200);
    expect(answer.bytes.length).toBe(SLOW_SIZE);
    expect(answer.headers["content-length"]).toBe(String(SLOW_SIZE));
  });

  it("answers NoSuchKey for a delivery file that is not there", async () => {
    const gw = await gatewayWithOss();
    const missing = deliveryFile("cn-hangzhou", BASE + 40 * DAY, 1).key;
    const answer = await call(
      gw,
      `${TRAIL}/object?key=${encodeURIComponent(missing)}`,
      {
        headers: fromConsole(gw),
      },
    );
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ Code: "NoSuchKey" });
  });
});

describe("looking the trail up", () => {
  it("asks ActionTrail once for a month's files, not once per file", async () => {
    const gw = await gatewayWithOss();
    const describes = () =>
      world
        .standIn()
        .received.filter((r) => r.params.Action === "DescribeTrails").length;
    const before = describes();
    await call(gw, `${TRAIL}/files?from=2026-10-01&to=2026-10-01`, {
      headers: fromConsole(gw),
    });
    for (const file of delivered.slice(0, 3)) {
      const answer = await call(
        gw,
        `${TRAIL}/object?key=${encodeURIComponent(file.key)}`,
        { headers: fromConsole(gw) },
      );
      expect(answer.status).toBe(200);
    }
    expect(describes() - before).toBe(1);
  });
});

describe("STS credentials from the chain", () => {
  it("sign OSS requests with the security token, quietly", async () => {
    const warn = vi.spyOn(console, "warn");
    try {
      const gw = await world.gateway(
        { GATEWAY_OSS_ENDPOINT: oss.endpoint },
        STS_KEY,
      );
      const before = oss.received.length;
      const answer = await call(
        gw,
        `${TRAIL}/files?from=2026-10-01&to=2026-10-01`,
        {
          headers: fromConsole(gw),
        },
      );
      expect(answer.status).toBe(200);
      const sent = oss.received.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      for (const r of sent)
        expect(r.headers["x-oss-security-token"]).toBe(STS_KEY.securityToken);
      expect(warn).not.toHaveBeenCalled();
      expect(world.logLines.join("\n")).not.toContain(STS_KEY.securityToken);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("sign-in, origin and logging", () => {
  it("asks for sign-in before reaching ActionTrail or OSS", async () => {
    const gw = await gatewayWithOss();
    const before = oss.received.length;
    const callsBefore = world.standIn().received.length;
    const answer = await call(
      gw,
      `${TRAIL}/object?key=${encodeURIComponent(delivered[0]!.key)}`,
    );
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ Code: "Gateway.Unauthenticated" });
    expect(oss.received.length).toBe(before);
    expect(world.standIn().received.length).toBe(callsBefore);
  });

  it("refuses a cross-site read", async () => {
    const gw = await gatewayWithOss();
    const answer = await call(
      gw,
      `${TRAIL}/files?from=2026-10-01&to=2026-10-01`,
      {
        headers: {
          ...fromConsole(gw),
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
        },
      },
    );
    expect(answer.status).toBe(403);
  });

  it("never forwards the browser's token or cookie to OSS, and logs no secret", async () => {
    const gw = await gatewayWithOss();
    const before = oss.received.length;
    await call(gw, `${TRAIL}/files?from=2026-10-01&to=2026-10-01`, {
      headers: fromConsole(gw),
    });
    const sent = oss.received.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) {
      expect(String(r.headers.authorization)).toMatch(
        /^OSS4-HMAC-SHA256 Credential=LTAI5tGatewayTestKey01\//,
      );
      expect(r.headers.cookie).toBeUndefined();
    }
    const log = world.logLines.join("\n");
    expect(log).toContain("ListTrailArchive");
    expect(log).not.toContain(TEST_KEY.accessKeySecret);
    expect(log).not.toContain("from=2026");
  });
});

describe("OSS's signature check", () => {
  it("is answered 403 SignatureDoesNotMatch when OSS holds another secret for the key", async () => {
    const strict = await startOssStandIn({
      keys: [
        {
          accessKeyId: TEST_KEY.accessKeyId,
          accessKeySecret: "another-secret-9f3K",
        },
      ],
      buckets: [
        {
          name: "trailscope-audit-archive",
          region: "cn-hangzhou",
          objects: bucketObjects(delivered),
        },
      ],
    });
    try {
      const gw = await world.gateway({ GATEWAY_OSS_ENDPOINT: strict.endpoint });
      const answer = await call(
        gw,
        `${TRAIL}/files?from=2026-10-01&to=2026-10-01`,
        {
          headers: fromConsole(gw),
        },
      );
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ Code: "SignatureDoesNotMatch" });
      expect(strict.received[0]?.refused).toBe("SignatureDoesNotMatch");
    } finally {
      await strict.close();
    }
  });
});

describe("the account's buckets", () => {
  it("lists buckets with their ACL and the trails delivering to each, in the simulated account's shape", async () => {
    const gw = await gatewayWithOss();
    const answer = await call(gw, "/api/_oss/buckets", {
      headers: fromConsole(gw),
    });
    expect(answer.status).toBe(200);
    const body = answer.json<{
      RequestId: string;
      Buckets: Record<string, unknown>[];
    }>();
    expect(body.Buckets).toEqual([
      {
        Name: "trailscope-audit-archive",
        Location: "oss-cn-hangzhou",
        CreationDate: expect.any(String) as string,
        Acl: "private",
        Trails: ["org-audit-all"],
      },
      {
        Name: "finance-reports-2026",
        Location: "oss-cn-hangzhou",
        CreationDate: expect.any(String) as string,
        Acl: "public-read",
        Trails: [],
      },
    ]);
  });
});

/**
 * A GET that collects the body as bytes; `onFirstBytes` runs once the first
 * chunk has arrived (the streaming test lets OSS finish only then).
 */
function fetchBytes(
  base: string,
  path: string,
  headers: Record<string, string>,
  onFirstBytes?: () => void,
): Promise<{
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (chunks.length === 0) onFirstBytes?.();
        chunks.push(chunk);
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
