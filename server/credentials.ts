import { DefaultCredentialsProvider } from "@alicloud/credentials";
import type { SigningCredentials } from "./signature";

/**
 * Where the gateway's AccessKey comes from. Production uses Alibaba Cloud's
 * own default chain (`@alicloud/credentials`), in this order:
 *   1. ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
 *      (+ ALIBABA_CLOUD_SECURITY_TOKEN for STS)
 *   2. OIDC role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
 *      ALIBABA_CLOUD_OIDC_TOKEN_FILE), e.g. ACK RRSA
 *   3. the Alibaba Cloud CLI's ~/.aliyun/config.json (ALIBABA_CLOUD_PROFILE)
 *   4. ~/.alibabacloud/credentials (ini; ALIBABA_CLOUD_CREDENTIALS_FILE,
 *      profile "default" or ALIBABA_CLOUD_PROFILE; access_key, ecs_ram_role
 *      or ram_role_arn, the last an STS AssumeRole)
 *   5. the ECS instance RAM role from the metadata service
 *      (ALIBABA_CLOUD_ECS_METADATA names the role;
 *      ALIBABA_CLOUD_ECS_METADATA_DISABLED=true turns it off)
 *   6. ALIBABA_CLOUD_CREDENTIALS_URI
 * STS credentials are refreshed by the chain before they expire. The secret
 * stays inside this process: it is used to sign and is never logged or sent
 * to the browser.
 */
export interface CredentialSource {
  get(): Promise<SigningCredentials>;
  /** Where the credentials came from (e.g. "default/env"), never the values. */
  describe(): string;
}

export function alibabaCloudCredentials(): CredentialSource {
  const provider = DefaultCredentialsProvider.builder().build();
  let name = "default";
  return {
    async get() {
      const credentials = await provider.getCredentials();
      name = credentials.providerName || name;
      if (!credentials.accessKeyId || !credentials.accessKeySecret)
        throw new Error("the credential chain returned an empty AccessKey");
      return {
        accessKeyId: credentials.accessKeyId,
        accessKeySecret: credentials.accessKeySecret,
        securityToken: credentials.securityToken || undefined,
      };
    },
    describe: () => name,
  };
}

/** Fixed credentials (tests, or a caller that fetched them elsewhere). */
export function staticCredentials(
  credentials: SigningCredentials,
): CredentialSource {
  return {
    get: () => Promise.resolve({ ...credentials }),
    describe: () =>
      credentials.securityToken ? "static/sts" : "static/access_key",
  };
}
