import { describe, expect, it } from "vitest";
import {
  canonicalizedQueryString,
  percentEncode,
  signRequestParams,
  signRpc,
  stringToSign,
  toQueryString,
} from "./signature";

// The worked example of Alibaba Cloud's "Request signature" page (RPC style):
// DescribeRegions, AccessKeyId "testid", AccessKeySecret "testsecret".
const documented = {
  Timestamp: "2016-02-23T12:46:24Z",
  Format: "XML",
  AccessKeyId: "testid",
  Action: "DescribeRegions",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
  Version: "2014-05-26",
  SignatureVersion: "1.0",
};

describe("Alibaba Cloud RPC signature v1", () => {
  it("builds the documented canonical string, with the colons of the Timestamp encoded twice", () => {
    expect(canonicalizedQueryString(documented)).toBe(
      "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1" +
        "&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0" +
        "&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26",
    );
    expect(stringToSign("GET", documented)).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML" +
        "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf" +
        "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
  });

  it("gives the published signature OLeaidS1JvxuMvnyHOwuJ+uX5qY= for the worked example", () => {
    expect(signRpc("GET", documented, "testsecret")).toBe(
      "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
    );
  });

  it("gives the older page's signature CT9X0VtwR86fNWSnsc6v8YGOjuE= when the parameter is spelled TimeStamp", () => {
    // The earlier edition of the same page (and the overview URL of the
    // current one) spells the parameter "TimeStamp"; sorting and encoding
    // are otherwise identical.
    const { Timestamp, ...rest } = documented;
    expect(
      signRpc("GET", { ...rest, TimeStamp: Timestamp }, "testsecret"),
    ).toBe("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
  });

  it("signs the method: the same parameters POSTed give another signature", () => {
    expect(signRpc("POST", documented, "testsecret")).toBe(
      "MxbnVAM4w6sft9xjVpe/GCKueuk=",
    );
  });

  it("ignores a Signature parameter when signing", () => {
    expect(
      signRpc("GET", { ...documented, Signature: "forged" }, "testsecret"),
    ).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("percent-encodes like the POP spec: %20 for spaces, reserved marks encoded, ~ kept, UTF-8 bytes", () => {
    expect(percentEncode("a b*c~d!'()")).toBe("a%20b%2Ac~d%21%27%28%29");
    expect(percentEncode("A-Z_a.z~09")).toBe("A-Z_a.z~09");
    expect(percentEncode("/+=&")).toBe("%2F%2B%3D%26");
    expect(percentEncode("审计")).toBe("%E5%AE%A1%E8%AE%A1");
  });

  it("adds the common parameters, replaces any the caller tried to set, and signs them all", () => {
    const signed = signRequestParams(
      "GET",
      {
        Action: "LookupEvents",
        Version: "2020-07-06",
        AccessKeyId: "attacker",
        Signature: "forged",
        SecurityToken: "injected",
        Timestamp: "1999-01-01T00:00:00Z",
        "LookupAttribute.1.Key": "EventName",
        "LookupAttribute.1.Value": "Create Trail*",
      },
      { accessKeyId: "LTAIgateway", accessKeySecret: "s3cret" },
      { now: new Date("2026-05-01T08:09:10.123Z"), nonce: "nonce-1" },
    );
    expect(signed).toMatchObject({
      AccessKeyId: "LTAIgateway",
      Format: "JSON",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: "nonce-1",
      Timestamp: "2026-05-01T08:09:10Z",
    });
    expect(signed.SecurityToken).toBeUndefined();
    expect(signed.Signature).toBe(signRpc("GET", signed, "s3cret"));
    expect(toQueryString(signed)).toContain(
      "LookupAttribute.1.Value=Create%20Trail%2A",
    );
  });

  it("carries the SecurityToken of STS credentials inside the signed string", () => {
    const signed = signRequestParams(
      "POST",
      { Action: "DescribeTrails", Version: "2020-07-06" },
      {
        accessKeyId: "STS.id",
        accessKeySecret: "s3cret",
        securityToken: "tok/en+",
      },
    );
    expect(signed.SecurityToken).toBe("tok/en+");
    expect(stringToSign("POST", signed)).toContain(
      "SecurityToken%3Dtok%252Fen%252B",
    );
  });
});
