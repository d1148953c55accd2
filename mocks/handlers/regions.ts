/**
 * DescribeRegions of Trailscope's simulated account, in English or Chinese.
 * With a visitor's own events loaded, the account is theirs: it serves only
 * the regions their events came from, so "All regions" asks exactly those and
 * the console opens on one of them.
 */
import { REGIONS } from "../data/regions";
import { RpcError, type ActionTable } from "./rpc";

export const regionActions: ActionTable = {
  DescribeRegions: {
    write: false,
    rateLimit: 100,
    handle: ({ params, account }) => {
      const language = params.get("AcceptLanguage") ?? "en-US";
      if (language !== "en-US" && language !== "zh-CN") {
        throw new RpcError(
          400,
          "InvalidAcceptLanguage",
          `The specified AcceptLanguage "${language}" is not supported. Use en-US or zh-CN.`,
        );
      }
      const own = account.ownData?.regions;
      const served = own ? REGIONS.filter((r) => own.includes(r.id)) : REGIONS;
      return {
        Regions: {
          Region: served.map((r) => ({
            RegionId: r.id,
            LocalName: language === "zh-CN" ? r.zh : r.en,
            RegionEndpoint: r.endpoint,
          })),
        },
      };
    },
  },
};
