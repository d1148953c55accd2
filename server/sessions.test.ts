import { describe, expect, it } from "vitest";
import { SessionStore } from "./sessions";
import { call, signIn, useGatewayWorld } from "./testing/gateway-world";

const world = useGatewayWorld();
const NEW_TOKEN = "rotated-Xb81_Qw3LpZ0vK7nR2sT9yU4";

const whoami = (gw: Parameters<typeof call>[0], cookie: string) =>
  call(gw, "/api/_whoami", {
    headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
  });

describe("sessions end for good", () => {
  it("signing out ends the session on the server: the old cookie gets 401, not the console", async () => {
    const gw = await world.gateway();
    const cookie = await signIn(gw);
    const other = await signIn(gw);
    expect((await whoami(gw, cookie)).status).toBe(200);

    const out = await call(gw, "/_gateway/logout", {
      method: "POST",
      headers: { Cookie: cookie, Origin: gw.url },
    });
    expect(out.status).toBe(303);
    expect(out.headers["set-cookie"]?.[0]).toContain("Max-Age=0");

    // The browser is told to forget the cookie; a copy of it is worth nothing.
    const replayed = await whoami(gw, cookie);
    expect(replayed.status).toBe(401);
    expect(replayed.json()).toMatchObject({ Code: "Gateway.Unauthenticated" });
    const page = await call(gw, "/trails", { headers: { Cookie: cookie } });
    expect(page.status).toBe(303);
    expect(page.headers.location).toMatch(/^\/_gateway\/login/);
    // Another person's sign-in is untouched.
    expect((await whoami(gw, other)).status).toBe(200);
  });

  it("rotating the token ends every session and retires the old token", async () => {
    const gw = await world.gateway();
    const cookies = [await signIn(gw), await signIn(gw)];
    gw.rotateToken(NEW_TOKEN);
    for (const cookie of cookies)
      expect((await whoami(gw, cookie)).status).toBe(401);
    await expect(signIn(gw)).rejects.toThrow(/401/);
    const fresh = await signIn(gw, NEW_TOKEN);
    expect((await whoami(gw, fresh)).status).toBe(200);
    expect(() => gw.rotateToken("a".repeat(40))).toThrow(/too weak/);
  });

  it("a restart ends every session, with a new token or the same one", async () => {
    const first = await world.gateway();
    const cookie = await signIn(first);
    await first.close();
    const envs: Record<string, string>[] = [{ GATEWAY_TOKEN: NEW_TOKEN }, {}];
    for (const env of envs) {
      const next = await world.gateway(env);
      expect((await whoami(next, cookie)).status).toBe(401);
    }
  });

  it("the cookie holds only a random id, and the session store stays bounded", () => {
    const store = new SessionStore(60_000, 3);
    const ids = [0, 1, 2, 3].map((i) => store.create("token", 1_000 + i));
    for (const id of ids) expect(id).toMatch(/^ts1_[A-Za-z0-9_-]{43}$/);
    expect(new Set(ids).size).toBe(4);
    expect(store.size).toBe(3);
    // The oldest went first; the newest are alive; expiry is honoured.
    expect(store.lookup(ids[0]!, 2_000)).toBeUndefined();
    expect(store.lookup(ids[3]!, 2_000)).toBe("token");
    expect(store.lookup(ids[3]!, 1_003 + 60_000)).toBeUndefined();
  });
});
