/** DescribeRegions of Trailscope's simulated account, in English or Chinese. */
import { REGIONS } from "../data/regions";
import { RpcError, type ActionTable } from "./rpc";

export const regionActions: ActionTable = {
  DescribeRegions: {
    write: false,
    rateLimit: 100,
    handle: ({ params }) => {
      const language = params.get("AcceptLanguage") ?? "en-US";
      if (language !== "en-US" && language !== "zh-CN") {
        throw new RpcError(
          400,
          "InvalidAcceptLanguage",
          `The specified AcceptLanguage "${language}" is not supported. Use en-US or zh-CN.`,
        );
      }
      return {
        Regions: {
          Region: REGIONS.map((r) => ({
            RegionId: r.id,
            LocalName: language === "zh-CN" ? r.zh : r.en,
            RegionEndpoint: r.endpoint,
          })),
        },
      };
    },
  },
};
