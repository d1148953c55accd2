/** The 23 regions of ActionTrail's contract, with their display names and endpoints. */
export interface RegionInfo {
  id: string;
  en: string;
  zh: string;
  endpoint: string;
  /** The three letters after the prefix of ECS-style resource IDs in this region (`i-bp1…` in Hangzhou). */
  idPrefix: string;
}

const region = (
  id: string,
  en: string,
  zh: string,
  idPrefix: string,
): RegionInfo => ({
  id,
  en,
  zh,
  endpoint: `actiontrail.${id}.aliyuncs.com`,
  idPrefix,
});

export const REGIONS: readonly RegionInfo[] = [
  region("cn-hangzhou", "China (Hangzhou)", "华东1（杭州）", "bp1"),
  region("cn-shanghai", "China (Shanghai)", "华东2（上海）", "uf6"),
  region("cn-qingdao", "China (Qingdao)", "华北1（青岛）", "m5e"),
  region("cn-beijing", "China (Beijing)", "华北2（北京）", "2ze"),
  region("cn-zhangjiakou", "China (Zhangjiakou)", "华北3（张家口）", "8vb"),
  region("cn-huhehaote", "China (Hohhot)", "华北5（呼和浩特）", "hp3"),
  region("cn-wulanchabu", "China (Ulanqab)", "华北6（乌兰察布）", "0jl"),
  region("cn-shenzhen", "China (Shenzhen)", "华南1（深圳）", "wz9"),
  region("cn-heyuan", "China (Heyuan)", "华南2（河源）", "f8z"),
  region("cn-guangzhou", "China (Guangzhou)", "华南3（广州）", "7xv"),
  region("cn-chengdu", "China (Chengdu)", "西南1（成都）", "2vc"),
  region("cn-hongkong", "China (Hong Kong)", "中国香港", "j6c"),
  region("ap-northeast-1", "Japan (Tokyo)", "日本（东京）", "6we"),
  region("ap-northeast-2", "South Korea (Seoul)", "韩国（首尔）", "mj7"),
  region("ap-southeast-1", "Singapore", "新加坡", "t4n"),
  region(
    "ap-southeast-3",
    "Malaysia (Kuala Lumpur)",
    "马来西亚（吉隆坡）",
    "8ps",
  ),
  region(
    "ap-southeast-5",
    "Indonesia (Jakarta)",
    "印度尼西亚（雅加达）",
    "k1a",
  ),
  region("ap-southeast-7", "Thailand (Bangkok)", "泰国（曼谷）", "0jo"),
  region("us-west-1", "US (Silicon Valley)", "美国（硅谷）", "rj9"),
  region("us-east-1", "US (Virginia)", "美国（弗吉尼亚）", "0xi"),
  region("eu-west-1", "UK (London)", "英国（伦敦）", "d7o"),
  region("eu-central-1", "Germany (Frankfurt)", "德国（法兰克福）", "gw8"),
  region("me-east-1", "UAE (Dubai)", "阿联酋（迪拜）", "eb3"),
];

export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);

/** Where events of global services (RAM, IMS, sign-in) are stored. */
export const GLOBAL_EVENTS_REGION = "ap-southeast-1";

/** The console's default region and the account's busiest. */
export const DEFAULT_REGION = "cn-hangzhou";

export const isRegionId = (id: string): boolean => REGION_IDS.includes(id);

export function regionInfo(id: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.id === id);
}

export function regionIndex(id: string): number {
  return REGION_IDS.indexOf(id);
}
