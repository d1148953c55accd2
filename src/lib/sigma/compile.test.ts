import { describe, expect, it } from "vitest";
import { compileRule, compileRules, type CompiledRule } from "./compile";

/** A rule around a detection block (indented by the caller). */
const rule = (detection: string) =>
  `title: test rule\ndetection:\n${detection}`;

function compiled(detection: string): CompiledRule {
  const result = compileRule(rule(detection));
  if (!result.ok)
    throw new Error(
      result.refusals.map((r) => `${r.line}: ${r.reason}`).join("; "),
    );
  return result.rule;
}

function refusals(text: string) {
  const result = compileRule(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.refusals;
}

const event = (over: Record<string, unknown> = {}) => ({
  eventId: "e1",
  eventTime: "2026-11-20T08:00:00Z",
  eventName: "PutBucketAcl",
  serviceName: "Oss",
  sourceIpAddress: "203.0.113.7",
  userIdentity: {
    type: "ram-user",
    userName: "li.wei",
    accessKeyId: "LTAI5tLiWei",
    sessionContext: { attributes: { mfaAuthenticated: "false" } },
  },
  requestParameters: { BucketName: "finance", "x-oss-acl": "public-read" },
  ...over,
});

describe("field matches", () => {
  it("compares strings case-insensitively, whole value", () => {
    const r = compiled("  sel:\n    eventName: putbucketACL\n  condition: sel");
    expect(r.match(event())).toBe(true);
    expect(r.match(event({ eventName: "PutBucketAclX" }))).toBe(false);
  });

  it("ANDs the fields of a map and ORs the maps of a list", () => {
    const and = compiled(
      "  sel:\n    eventName: PutBucketAcl\n    serviceName: Ecs\n  condition: sel",
    );
    expect(and.match(event())).toBe(false);
    const or = compiled(
      "  sel:\n    - eventName: Nope\n    - serviceName: oss\n  condition: sel",
    );
    expect(or.match(event())).toBe(true);
    expect(or.match(event({ serviceName: "Ecs" }))).toBe(false);
  });

  it("ORs a list of values, or ANDs it with |all", () => {
    const any = compiled(
      "  sel:\n    requestParameters.x-oss-acl:\n      - private\n      - public-read\n  condition: sel",
    );
    expect(any.match(event())).toBe(true);
    const all = compiled(
      "  sel:\n    userIdentity.userName|contains|all:\n      - li\n      - wei\n  condition: sel",
    );
    expect(all.match(event())).toBe(true);
    expect(all.match(event({ userIdentity: { userName: "li.min" } }))).toBe(
      false,
    );
  });

  it("supports contains, startswith and endswith", () => {
    const c = compiled("  sel:\n    userAgent|contains: CLI\n  condition: sel");
    expect(c.match(event({ userAgent: "aliyun-cli/3.0" }))).toBe(true);
    expect(c.match(event({ userAgent: "console" }))).toBe(false);
    const s = compiled(
      "  sel:\n    requestParameters.x-oss-acl|startswith: PUBLIC\n  condition: sel",
    );
    expect(s.match(event())).toBe(true);
    const e = compiled(
      "  sel:\n    requestParameters.x-oss-acl|endswith: '-write'\n  condition: sel",
    );
    expect(e.match(event())).toBe(false);
    expect(
      e.match(
        event({ requestParameters: { "x-oss-acl": "public-read-write" } }),
      ),
    ).toBe(true);
  });

  it("supports * and ? wildcards, and escaped ones as literals", () => {
    const w = compiled("  sel:\n    eventName: 'Put*Acl'\n  condition: sel");
    expect(w.match(event())).toBe(true);
    expect(w.match(event({ eventName: "PutObjectAcl" }))).toBe(true);
    expect(w.match(event({ eventName: "GetBucketAcl" }))).toBe(false);
    const q = compiled(
      "  sel:\n    eventName: 'PutBucketAc?'\n  condition: sel",
    );
    expect(q.match(event())).toBe(true);
    const lit = compiled(
      "  sel:\n    requestParameters.BucketName: 'fin\\*'\n  condition: sel",
    );
    expect(lit.match(event())).toBe(false);
    expect(
      lit.match(event({ requestParameters: { BucketName: "fin*" } })),
    ).toBe(true);
    const wc = compiled(
      "  sel:\n    requestParameters.BucketName|contains: 'n*n'\n  condition: sel",
    );
    expect(wc.match(event())).toBe(true);
  });

  it("re is case-sensitive unless it starts with (?i), and searches the value", () => {
    const cs = compiled(
      "  sel:\n    eventName|re: 'Bucket(Acl|Policy)$'\n  condition: sel",
    );
    expect(cs.match(event())).toBe(true);
    expect(cs.match(event({ eventName: "PUTBUCKETACL" }))).toBe(false);
    const ci = compiled(
      "  sel:\n    eventName|re: '(?i)^putbucket'\n  condition: sel",
    );
    expect(ci.match(event({ eventName: "PUTBUCKETACL" }))).toBe(true);
    const num = compiled(
      "  sel:\n    requestParameters.ttl|re: '^[1-6]$'\n  condition: sel",
    );
    expect(num.match(event({ requestParameters: { ttl: 3 } }))).toBe(true);
    expect(num.match(event({ requestParameters: { ttl: 30 } }))).toBe(false);
  });

  it("matches IPv4 and IPv6 prefixes with cidr", () => {
    const r = compiled(
      "  sel:\n    sourceIpAddress|cidr:\n      - 203.0.113.0/24\n      - 2001:db8::/32\n  condition: sel",
    );
    expect(r.match(event())).toBe(true);
    expect(r.match(event({ sourceIpAddress: "2001:db8::5" }))).toBe(true);
    expect(r.match(event({ sourceIpAddress: "198.51.100.1" }))).toBe(false);
    expect(r.match(event({ sourceIpAddress: "203.0.XX.XX" }))).toBe(false);
  });

  it("compares with another field of the event with fieldref", () => {
    const r = compiled(
      "  sel:\n    requestParameters.UserName|fieldref: userIdentity.userName\n  condition: sel",
    );
    expect(r.match(event({ requestParameters: { UserName: "LI.WEI" } }))).toBe(
      true,
    );
    expect(r.match(event({ requestParameters: { UserName: "bob" } }))).toBe(
      false,
    );
    expect(r.match(event({ requestParameters: {} }))).toBe(false);
  });

  it("null matches absent or null fields; '' matches empty strings only", () => {
    const n = compiled("  sel:\n    errorCode: null\n  condition: sel");
    expect(n.match(event())).toBe(true);
    expect(n.match(event({ errorCode: null }))).toBe(true);
    expect(n.match(event({ errorCode: "" }))).toBe(false);
    expect(n.match(event({ errorCode: "NoPermission" }))).toBe(false);
    const empty = compiled("  sel:\n    errorCode: ''\n  condition: sel");
    expect(empty.match(event({ errorCode: "" }))).toBe(true);
    expect(empty.match(event())).toBe(false);
    const either = compiled(
      "  sel:\n    errorCode:\n      - null\n      - ''\n  condition: sel",
    );
    expect(either.match(event())).toBe(true);
    expect(either.match(event({ errorCode: "" }))).toBe(true);
    expect(either.match(event({ errorCode: "X" }))).toBe(false);
  });

  it("compares numbers and booleans by their text, whatever type the event uses", () => {
    const b = compiled(
      "  sel:\n    userIdentity.sessionContext.attributes.mfaAuthenticated: false\n  condition: sel",
    );
    expect(b.match(event())).toBe(true);
    expect(
      b.match(
        event({
          userIdentity: {
            sessionContext: { attributes: { mfaAuthenticated: false } },
          },
        }),
      ),
    ).toBe(true);
    const n = compiled(
      "  sel:\n    requestParameters.Port: 22\n  condition: sel",
    );
    expect(n.match(event({ requestParameters: { Port: "22" } }))).toBe(true);
    expect(n.match(event({ requestParameters: { Port: 22 } }))).toBe(true);
    expect(n.match(event({ requestParameters: { Port: 2222 } }))).toBe(false);
    const s = compiled("  sel:\n    isGlobal: 'TRUE'\n  condition: sel");
    expect(s.match(event({ isGlobal: true }))).toBe(true);
  });

  it("reads nested paths, arrays (any element) and keys that hold dots", () => {
    const arr = compiled(
      "  sel:\n    responseElements.Instances.Instance.InstanceId: i-2\n  condition: sel",
    );
    expect(
      arr.match(
        event({
          responseElements: {
            Instances: {
              Instance: [{ InstanceId: "i-1" }, { InstanceId: "i-2" }],
            },
          },
        }),
      ),
    ).toBe(true);
    const leafArray = compiled(
      "  sel:\n    requestParameters.Tags: prod\n  condition: sel",
    );
    expect(
      leafArray.match(event({ requestParameters: { Tags: ["dev", "prod"] } })),
    ).toBe(true);
    const dotted = compiled(
      "  sel:\n    requestParameters.LookupAttribute.1.Key: EventRW\n  condition: sel",
    );
    expect(
      dotted.match(
        event({ requestParameters: { "LookupAttribute.1.Key": "EventRW" } }),
      ),
    ).toBe(true);
    expect(
      dotted.match(
        event({
          requestParameters: { LookupAttribute: { "1": { Key: "EventRW" } } },
        }),
      ),
    ).toBe(true);
  });

  it("never reads through the prototype: __proto__ and constructor are plain keys", () => {
    const r = compiled(
      "  sel:\n    requestParameters.__proto__.polluted: yes\n  condition: sel",
    );
    const hostile = JSON.parse(
      '{"eventName":"X","requestParameters":{"__proto__":{"polluted":"yes"}}}',
    ) as unknown;
    expect(r.match(hostile)).toBe(true);
    expect(r.match(event())).toBe(false);
    const ctor = compiled(
      "  sel:\n    requestParameters.constructor.name|contains: Object\n  condition: sel",
    );
    expect(ctor.match(event())).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does not match objects against strings, nor non-objects as events", () => {
    const r = compiled(
      "  sel:\n    requestParameters: finance\n  condition: sel",
    );
    expect(r.match(event())).toBe(false);
    expect(r.match(null)).toBe(false);
    expect(r.match("PutBucketAcl")).toBe(false);
  });
});

describe("conditions", () => {
  const r = compiled(
    [
      "  sel_acl:",
      "    eventName: PutBucketAcl",
      "  sel_policy:",
      "    eventName: PutBucketPolicy",
      "  filter_private:",
      "    requestParameters.x-oss-acl: private",
      "  condition: 1 of sel_* and not filter_private",
    ].join("\n"),
  );

  it("combines 1 of, and, not", () => {
    expect(r.match(event())).toBe(true);
    expect(r.match(event({ eventName: "PutBucketPolicy" }))).toBe(true);
    expect(
      r.match(event({ requestParameters: { "x-oss-acl": "private" } })),
    ).toBe(false);
    expect(r.match(event({ eventName: "GetBucketAcl" }))).toBe(false);
    expect(r.eventNames).toEqual(new Set(["putbucketacl", "putbucketpolicy"]));
  });

  it("evaluates all of them, 1 of them, or and parentheses", () => {
    const all = compiled(
      "  a:\n    eventName: PutBucketAcl\n  b:\n    serviceName: Oss\n  condition: all of them",
    );
    expect(all.match(event())).toBe(true);
    expect(all.match(event({ serviceName: "Ecs" }))).toBe(false);
    const one = compiled(
      "  a:\n    eventName: Nope\n  b:\n    serviceName: Oss\n  condition: 1 of them",
    );
    expect(one.match(event())).toBe(true);
    expect(one.eventNames).toBeUndefined();
    const paren = compiled(
      "  a:\n    eventName: Nope\n  b:\n    serviceName: Oss\n  c:\n    sourceIpAddress: 1.1.1.1\n  condition: (a or b) and not c",
    );
    expect(paren.match(event())).toBe(true);
    expect(paren.match(event({ sourceIpAddress: "1.1.1.1" }))).toBe(false);
  });

  it("drops the event-name index under not, or with an unnamed branch", () => {
    const not = compiled(
      "  a:\n    eventName: PutBucketAcl\n  condition: not a",
    );
    expect(not.eventNames).toBeUndefined();
    expect(not.match(event({ eventName: "Other" }))).toBe(true);
    const or = compiled(
      "  a:\n    eventName: PutBucketAcl\n  b:\n    serviceName: Oss\n  condition: a or b",
    );
    expect(or.eventNames).toBeUndefined();
  });
});

describe("refusals name the line and the reason", () => {
  it.each([
    [
      "an unknown modifier",
      rule("  sel:\n    eventName|base64offset: x\n  condition: sel"),
      4,
      /modifier `base64offset` is not supported/,
    ],
    [
      "windash",
      rule(
        "  sel:\n    eventName: x\n    userAgent|windash: y\n  condition: sel",
      ),
      5,
      /`windash` is not supported/,
    ],
    [
      "an aggregation",
      rule(
        "  sel:\n    eventName: x\n  condition: sel | count() by userIdentity.userName > 5",
      ),
      5,
      /aggregations/,
    ],
    [
      "near",
      rule(
        "  a:\n    eventName: x\n  b:\n    eventName: y\n  condition: a and near b",
      ),
      7,
      /`near`/,
    ],
    [
      "a timeframe",
      rule("  sel:\n    eventName: x\n  timeframe: 5m\n  condition: sel"),
      5,
      /timeframe/,
    ],
    [
      "a keyword list",
      rule(
        "  keywords:\n    - StopLogging\n    - DeleteTrail\n  condition: keywords",
      ),
      4,
      /keyword list/,
    ],
    [
      "a keyword",
      rule("  keywords: StopLogging\n  condition: keywords"),
      3,
      /keyword/,
    ],
    [
      "a modifier without a field",
      rule("  sel:\n    '|contains': x\n  condition: sel"),
      4,
      /without a field name/,
    ],
    [
      "combined modifiers",
      rule("  sel:\n    eventName|contains|startswith: x\n  condition: sel"),
      4,
      /cannot be combined/,
    ],
    [
      "a repeated modifier",
      rule("  sel:\n    eventName|contains|contains: x\n  condition: sel"),
      4,
      /repeated/,
    ],
    [
      "inline regex flags other than a leading (?i)",
      rule("  sel:\n    eventName|re: '(?s)a.b'\n  condition: sel"),
      4,
      /inline regular-expression flags/,
    ],
    [
      "a regex that can backtrack exponentially",
      rule("  sel:\n    eventName|re: '(a+)+$'\n  condition: sel"),
      4,
      /exponential/,
    ],
    [
      "an invalid regex",
      rule("  sel:\n    eventName|re: '([a-z'\n  condition: sel"),
      4,
      /not a valid regular expression/,
    ],
    [
      "a bad CIDR",
      rule("  sel:\n    sourceIpAddress|cidr: 10.0.0.0/40\n  condition: sel"),
      4,
      /not an IPv4 or IPv6 CIDR/,
    ],
    [
      "null with a modifier",
      rule("  sel:\n    errorCode|contains: null\n  condition: sel"),
      4,
      /null cannot be used/,
    ],
    [
      "a nested map as a value",
      rule(
        "  sel:\n    requestParameters:\n      BucketName: x\n  condition: sel",
      ),
      5,
      /a value must be a string/,
    ],
    [
      "a condition naming no selection",
      rule("  sel:\n    eventName: x\n  condition: sel and other"),
      5,
      /`other` is not a selection/,
    ],
    [
      "a list of conditions",
      rule("  sel:\n    eventName: x\n  condition:\n    - sel\n    - not sel"),
      5,
      /list of conditions/,
    ],
    [
      "a missing condition",
      rule("  sel:\n    eventName: x\n"),
      3,
      /needs a `condition`/,
    ],
    [
      "an empty selection",
      rule("  sel: {}\n  condition: sel"),
      3,
      /empty selection/,
    ],
    [
      "an empty list of values",
      rule("  sel:\n    eventName: []\n  condition: sel"),
      4,
      /empty list of values/,
    ],
    [
      "YAML aliases",
      rule(
        "  sel:\n    eventName: &n x\n    serviceName: *n\n  condition: sel",
      ),
      5,
      /aliases/,
    ],
    [
      "a rule for another product",
      "title: t\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n  sel:\n    eventName: x\n  condition: sel",
      3,
      /product `aws`/,
    ],
    [
      "a correlation rule",
      "title: t\ncorrelation:\n  type: event_count\ndetection:\n  sel:\n    eventName: x\n  condition: sel",
      3,
      /correlation/,
    ],
    [
      "a bad level",
      "title: t\nlevel: urgent\ndetection:\n  sel:\n    eventName: x\n  condition: sel",
      2,
      /`level` must be one of/,
    ],
    [
      "broken YAML",
      "title: t\ndetection:\n  sel:\n    eventName: [x\n  condition: sel",
      5,
      /./,
    ],
    [
      "a duplicate key",
      "title: t\ndetection:\n  sel:\n    eventName: x\n    eventName: y\n  condition: sel",
      5,
      /unique/i,
    ],
    [
      "no title",
      "detection:\n  sel:\n    eventName: x\n  condition: sel",
      1,
      /title/,
    ],
  ])("refuses %s", (_what, text, line, reason) => {
    const found = refusals(text);
    expect(found.some((r) => r.line === line && reason.test(r.reason))).toBe(
      true,
    );
  });

  it("reports every refused selection, not only the first", () => {
    const found = refusals(
      rule(
        "  a:\n    eventName|base64: x\n  b:\n    eventName|windash: y\n  condition: a or b | count() > 1",
      ),
    );
    expect(found.map((r) => r.line)).toEqual([4, 6, 7]);
  });

  it("in strict (pack) mode demands a UUID, description, false positives, ATT&CK tags, the ActionTrail logsource and test events", () => {
    const result = compileRule(
      "title: t\nid: not-a-uuid\ndetection:\n  sel:\n    eventName: x\n  condition: sel",
      { strict: true },
    );
    expect(result.ok).toBe(false);
    const reasons = result.ok ? [] : result.refusals.map((r) => r.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        "`id` must be a UUID",
        "a pack rule needs a `description`",
        "a pack rule needs `falsepositives`",
        "a pack rule needs an ATT&CK technique tag",
        "a pack rule needs `logsource: {product: alibaba_cloud, service: actiontrail}`",
        "a pack rule needs `x-trailscope-tests` with `match` and `nomatch` events",
      ]),
    );
  });
});

describe("compileRules", () => {
  it("compiles each YAML document separately and keeps its own text", () => {
    const results = compileRules(
      "title: a\ndetection:\n  s:\n    eventName: A\n  condition: s\n---\ntitle: b\ndetection:\n  s:\n    eventName|base64: B\n  condition: s\n",
    );
    expect(results).toHaveLength(2);
    expect(results[0]?.ok && results[0].rule.source).toContain("title: a");
    expect(results[1]?.ok).toBe(false);
    expect(!results[1]?.ok && results[1]?.refusals[0]?.line).toBe(10);
  });

  it("refuses text that holds no rule or several where one is expected", () => {
    expect(compileRule("").ok).toBe(false);
    expect(
      compileRule(
        "title: a\ndetection:\n  s:\n    eventName: A\n  condition: s\n---\ntitle: b\ndetection:\n  s:\n    eventName: B\n  condition: s\n",
      ).ok,
    ).toBe(false);
  });
});

describe("x-trailscope-i18n", () => {
  const withWords = (words: string) =>
    `title: Bucket made public\ndetection:\n  sel:\n    eventName: PutBucketAcl\n  condition: sel\nx-trailscope-i18n:\n${words}`;

  it("reads each locale's title, description and false positives into meta.i18n", () => {
    const result = compileRule(
      withWords(
        "  zh-CN:\n    title: Bucket 被公开\n    description: 设为公共读\n    falsepositives:\n      - 静态网站\n",
      ),
    );
    if (!result.ok) throw new Error("refused");
    expect(result.rule.meta.i18n).toEqual({
      "zh-CN": {
        title: "Bucket 被公开",
        description: "设为公共读",
        falsepositives: ["静态网站"],
      },
    });
  });

  it("accepts a title alone, and a rule without translations has none", () => {
    const alone = compileRule(
      withWords("  zh-CN:\n    title: Bucket 被公开\n"),
    );
    if (!alone.ok) throw new Error("refused");
    expect(alone.rule.meta.i18n?.["zh-CN"]).toEqual({
      title: "Bucket 被公开",
      description: "",
      falsepositives: [],
    });
    const none = compileRule(
      rule("  sel:\n    eventName: X\n  condition: sel\n"),
    );
    if (!none.ok) throw new Error("refused");
    expect(none.rule.meta.i18n).toBeUndefined();
  });

  it("refuses bad shapes with the line and the reason", () => {
    expect(refusals(withWords("  - zh-CN\n"))).toEqual([
      {
        line: 7,
        reason: "`x-trailscope-i18n` must be a map of locales (zh-CN: …)",
      },
    ]);
    expect(refusals(withWords("  chinese:\n    title: 中文\n"))).toEqual([
      {
        line: 7,
        reason: "`x-trailscope-i18n`: `chinese` is not a locale such as zh-CN",
      },
    ]);
    expect(refusals(withWords("  zh-CN: 中文\n"))).toEqual([
      {
        line: 7,
        reason: "`x-trailscope-i18n`.zh-CN must be a map with `title`",
      },
    ]);
    expect(
      refusals(
        withWords(
          "  zh-CN:\n    description: 描述\n    falsepositives: 无\n    summary: 摘要\n",
        ),
      ),
    ).toEqual([
      {
        line: 10,
        reason:
          "`x-trailscope-i18n`.zh-CN: `summary` is not one of title, description, falsepositives",
      },
      { line: 7, reason: "`x-trailscope-i18n`.zh-CN needs a text `title`" },
      {
        line: 9,
        reason:
          "`x-trailscope-i18n`.zh-CN.falsepositives must be a list of texts",
      },
    ]);
  });
});
