import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "@mocks/node";
import { backoffDelay, buildRequestUrl, configureClient, rpc } from "./client";
import { ApiError } from "./errors";
import { flattenParams } from "./flatten";

const errorBody = (Code: string, Message = "m") => ({
  RequestId: "REQ-1",
  HostId: "actiontrail.cn-hangzhou.aliyuncs.com",
  Code,
  Message,
});
const lookupOk = { RequestId: "REQ-OK", Events: [] };

describe("flattenParams", () => {
  it("flattens lookup attributes the RPC way", () => {
    const flat = flattenParams({
      MaxResults: 50,
      LookupAttribute: [
        { Key: "EventRW", Value: "Write" },
        { Key: "User", Value: "li.wei" },
      ],
    });
    expect([...flat]).toEqual([
      ["MaxResults", "50"],
      ["LookupAttribute.1.Key", "EventRW"],
      ["LookupAttribute.1.Value", "Write"],
      ["LookupAttribute.2.Key", "User"],
      ["LookupAttribute.2.Value", "li.wei"],
    ]);
  });

  it("writes booleans as words and leaves out missing values", () => {
    const flat = flattenParams({
      IncludeShadowTrails: true,
      IsOrganizationTrail: false,
      NameList: undefined,
      X: null,
    });
    expect(flat.toString()).toBe(
      "IncludeShadowTrails=true&IsOrganizationTrail=false",
    );
  });

  it("numbers scalar arrays from 1", () => {
    expect(flattenParams({ Ids: ["a", "b"] }).toString()).toBe(
      "Ids.1=a&Ids.2=b",
    );
  });
});

describe("buildRequestUrl", () => {
  it("sends the action, the API version and the region in the path", () => {
    const url = new URL(
      buildRequestUrl("ap-southeast-1", "LookupEvents", { MaxResults: 5 }),
    );
    expect(url.pathname).toBe("/api/ap-southeast-1/");
    expect(url.searchParams.get("Action")).toBe("LookupEvents");
    expect(url.searchParams.get("Version")).toBe("2020-07-06");
    expect(url.searchParams.get("MaxResults")).toBe("5");
  });
});

describe("rpc errors", () => {
  it("turns an error envelope into an ApiError with Code, Message, RequestId and status", async () => {
    server.use(
      http.get("*/api/:region/", () =>
        HttpResponse.json(
          errorBody("InvalidNextToken", "The token is invalid."),
          { status: 400 },
        ),
      ),
    );
    const error = await rpc("cn-hangzhou", "LookupEvents", {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "InvalidNextToken",
      message: "The token is invalid.",
      requestId: "REQ-1",
      status: 400,
      action: "LookupEvents",
      region: "cn-hangzhou",
    });
  });

  it("names a 403 NoPermission and does not retry it", async () => {
    const calls = vi.fn();
    server.use(
      http.post("*/api/:region/", () => {
        calls();
        return HttpResponse.json(
          errorBody(
            "NoPermission",
            "You are not authorized to do this action. Action: actiontrail:CreateTrail",
          ),
          { status: 403 },
        );
      }),
    );
    const error = (await rpc("cn-hangzhou", "CreateTrail", {
      Name: "abcdef",
    }).catch((e: unknown) => e)) as ApiError;
    expect(error.isPermissionDenied).toBe(true);
    expect(error.message).toContain("actiontrail:CreateTrail");
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it("reports an answer that breaks the contract as InvalidResponse", async () => {
    server.use(
      http.get("*/api/:region/", () =>
        HttpResponse.json({ RequestId: "R", Events: [{ eventTime: "x" }] }),
      ),
    );
    const error = (await rpc("cn-hangzhou", "LookupEvents", {}).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe("InvalidResponse");
    expect(error.message).toContain("Events.0.eventId");
  });

  it("reports a non-JSON failure with its HTTP status", async () => {
    server.use(
      http.get(
        "*/api/:region/",
        () => new HttpResponse("<html>bad gateway</html>", { status: 502 }),
      ),
    );
    configureClient({ retry: { maxRetries: 0 } });
    const error = (await rpc("cn-hangzhou", "LookupEvents", {}).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toMatchObject({ code: "Http502", status: 502 });
  });

  it("reports a request that never arrived as NetworkError", async () => {
    server.use(http.get("*/api/:region/", () => HttpResponse.error()));
    configureClient({ retry: { maxRetries: 0 } });
    const error = (await rpc("cn-hangzhou", "LookupEvents", {}).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe("NetworkError");
  });
});

describe("rpc retries", () => {
  it("retries throttling answered as HTTP 400 Throttling.User, then succeeds", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/:region/", () => {
        calls += 1;
        return calls < 3
          ? HttpResponse.json(
              errorBody(
                "Throttling.User",
                "Request was denied due to user flow control.",
              ),
              { status: 400 },
            )
          : HttpResponse.json(lookupOk);
      }),
    );
    const onRetry = vi.fn();
    const result = await rpc("cn-hangzhou", "LookupEvents", {}, { onRetry });
    expect(result.requestId).toBe("REQ-OK");
    expect(calls).toBe(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({
      attempt: 1,
      action: "LookupEvents",
    });
  });

  it("retries 5xx on reads but gives up after the bound and reports the last error", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/:region/", () => {
        calls += 1;
        return HttpResponse.json(errorBody("ServiceUnavailable", "busy"), {
          status: 503,
        });
      }),
    );
    configureClient({ retry: { maxRetries: 3 } });
    const error = (await rpc("cn-hangzhou", "DescribeTrails", {}).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe("ServiceUnavailable");
    expect(calls).toBe(4);
  });

  it("never re-sends a write after a server error (it may have been applied)", async () => {
    let calls = 0;
    server.use(
      http.post("*/api/:region/", () => {
        calls += 1;
        return HttpResponse.json(errorBody("InternalError", "oops"), {
          status: 500,
        });
      }),
    );
    await expect(
      rpc("cn-hangzhou", "CreateTrail", { Name: "abcdef" }),
    ).rejects.toMatchObject({ code: "InternalError" });
    expect(calls).toBe(1);
  });

  it("does retry a throttled write (throttling refuses before anything happens)", async () => {
    let calls = 0;
    server.use(
      http.post("*/api/:region/", () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(errorBody("Throttling.User"), { status: 400 })
          : HttpResponse.json({ RequestId: "R2" });
      }),
    );
    await expect(
      rpc("cn-hangzhou", "StartLogging", { Name: "abcdef" }),
    ).resolves.toEqual({ requestId: "R2" });
    expect(calls).toBe(2);
  });

  it("does not retry a 400 that is not throttling", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/:region/", () => {
        calls += 1;
        return HttpResponse.json(errorBody("InvalidParameterDateOutOfRange"), {
          status: 400,
        });
      }),
    );
    await expect(rpc("cn-hangzhou", "LookupEvents", {})).rejects.toMatchObject({
      code: "InvalidParameterDateOutOfRange",
    });
    expect(calls).toBe(1);
  });

  it("treats HTTP 429 as throttling", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/:region/", () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(errorBody("TooManyRequests"), { status: 429 })
          : HttpResponse.json(lookupOk);
      }),
    );
    await rpc("cn-hangzhou", "LookupEvents", {});
    expect(calls).toBe(2);
  });
});

describe("backoffDelay", () => {
  const policy = { maxRetries: 3, baseDelayMs: 1000, capDelayMs: 8000 };
  it("grows exponentially with full jitter and stays under the cap", () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(1998);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(7992);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});

describe("abort", () => {
  it("stops a request in flight and does not turn it into an ApiError", async () => {
    server.use(
      http.get("*/api/:region/", () => new Promise<never>(() => undefined)),
    );
    const controller = new AbortController();
    const pending = rpc(
      "cn-hangzhou",
      "LookupEvents",
      {},
      { signal: controller.signal },
    );
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("stops waiting between retries when aborted", async () => {
    server.use(
      http.get("*/api/:region/", () =>
        HttpResponse.json(errorBody("Throttling.User"), { status: 400 }),
      ),
    );
    configureClient({
      retry: { baseDelayMs: 60_000, capDelayMs: 60_000 },
      random: () => 0.99,
    });
    const controller = new AbortController();
    const pending = rpc(
      "cn-hangzhou",
      "LookupEvents",
      {},
      { signal: controller.signal, onRetry: () => controller.abort() },
    );
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
  });
});
