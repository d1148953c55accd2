import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";
import { pickSignInLanguage } from "./sign-in-page";
import { call, useGatewayWorld } from "./testing/gateway-world";

const world = useGatewayWorld();

describe("the sign-in page speaks the browser's language", () => {
  it("picks Chinese for a zh browser, English otherwise, and honours the switch", () => {
    expect(pickSignInLanguage(null, "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(pickSignInLanguage(null, "zh-TW")).toBe("zh-CN");
    expect(pickSignInLanguage(null, "en-GB,en;q=0.9")).toBe("en-US");
    expect(pickSignInLanguage(null, "fr-FR,en;q=0.5,zh;q=0.8")).toBe("zh-CN");
    expect(pickSignInLanguage(null, "de-DE")).toBe("en-US");
    expect(pickSignInLanguage(null, undefined)).toBe("en-US");
    expect(pickSignInLanguage(null, "zh;q=0, en")).toBe("en-US");
    expect(pickSignInLanguage("en-US", "zh-CN")).toBe("en-US");
    expect(pickSignInLanguage("zh-CN", "en-US")).toBe("zh-CN");
    expect(pickSignInLanguage("<script>", "en-US")).toBe("en-US");
  });

  it("serves the form in Chinese from Accept-Language, with a link to English, under the same CSP", async () => {
    const gw = await world.gateway();
    const page = await call(gw, "/_gateway/login?next=/trails", {
      headers: { "Accept-Language": "zh-CN,zh;q=0.9" },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toContain("<title>登录 · Trailscope</title>");
    expect(page.text).toContain('<label for="token">访问令牌</label>');
    expect(page.text).toContain('<button type="submit">登录</button>');
    expect(page.text).toContain(
      '<input type="hidden" name="lang" value="zh-CN">',
    );
    expect(page.text).toContain(
      'href="/_gateway/login?lang=en-US&#38;next=%2Ftrails"',
    );
    expect(page.text).not.toMatch(/<script|\son\w+=/i);
    expect(page.headers["content-security-policy"]).toBe(contentSecurityPolicy);

    const english = await call(gw, "/_gateway/login?lang=en-US&next=/trails", {
      headers: { "Accept-Language": "zh-CN" },
    });
    expect(english.text).toContain('<html lang="en-US">');
    expect(english.text).toContain('<label for="token">Access token</label>');
    expect(english.text).toContain(">中文</a>");
  });

  it("says a wrong token in the language of the form it came from", async () => {
    const gw = await world.gateway();
    const wrong = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: gw.url,
        "Sec-Fetch-Site": "same-origin",
        "Accept-Language": "en-US",
      },
      body: new URLSearchParams({
        token: "guess",
        next: "/trails",
        lang: "zh-CN",
      }).toString(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('<html lang="zh-CN">');
    expect(wrong.text).toContain(
      '<p class="error" role="alert">访问令牌不正确。</p>',
    );
  });
});
