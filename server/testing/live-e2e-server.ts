import { createAccount } from "../../mocks/data/account";
import { createHandlers } from "../../mocks/handlers";
import { visitTrailLogs } from "../../mocks/handlers/log-service";
import { readConfig } from "../config";
import { alibabaCloudCredentials } from "../credentials";
import { startGateway } from "../gateway";
import { createLogger } from "../logger";
import { startStandIn } from "./actiontrail-stand-in";
import { startOssStandIn } from "./oss-stand-in";
import { startSlsStandIn } from "./sls-stand-in";
import { simulatedBuckets } from "./simulated-buckets";

/**
 * The live-mode end-to-end world: a stand-in ActionTrail on loopback
 * (STAND_IN_PORT, default 4185) that verifies signatures and answers with the
 * simulated account, and the real gateway (GATEWAY_PORT, default 4184) in
 * front of it, reading its credentials from the environment through the
 * Alibaba Cloud credential chain like in production. A stand-in OSS
 * (OSS_STAND_IN_PORT, default any free port) checks V4 signatures and serves
 * the account's buckets with what its trails delivered, for the archive.
 * A stand-in Log Service (SLS_STAND_IN_PORT, default any free port) checks
 * the SDK's signatures and answers queries over the logstores of the
 * account's trails with a Log Service destination (their simulated events).
 */
async function main(): Promise<void> {
  const accessKeyId = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!accessKeyId || !accessKeySecret)
    throw new Error(
      "set ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET for the stand-in",
    );

  const account = createAccount({ scale: 0.1, latency: [10, 60] });
  const standIn = await startStandIn({
    handlers: createHandlers(account),
    keys: [{ accessKeyId, accessKeySecret }],
    port: Number(process.env.STAND_IN_PORT ?? 4185),
  });
  const oss = await startOssStandIn({
    buckets: simulatedBuckets(account),
    keys: [{ accessKeyId, accessKeySecret }],
    port: Number(process.env.OSS_STAND_IN_PORT ?? 0),
  });
  const sls = await startSlsStandIn({
    keys: [{ accessKeyId, accessKeySecret }],
    port: Number(process.env.SLS_STAND_IN_PORT ?? 0),
    logs: (project, logstore, from, to) => {
      const trail = [...account.trails.values()].find(
        (t) =>
          `actiontrail_${t.Name}` === logstore &&
          t.SlsProjectArn.endsWith(`:project/${project}`),
      );
      if (!trail) return undefined;
      const logs: Record<string, string>[] = [];
      visitTrailLogs(account, trail, from, to, (log) => logs.push(log));
      return logs.sort((a, b) => Number(a.__time__) - Number(b.__time__));
    },
  });
  const config = readConfig({
    ...process.env,
    GATEWAY_PORT: process.env.GATEWAY_PORT ?? "4184",
    ACTIONTRAIL_ENDPOINT_TEMPLATE: standIn.endpointTemplate,
    GATEWAY_OSS_ENDPOINT: oss.endpoint,
    GATEWAY_SLS_ENDPOINT: sls.endpoint,
  });
  const logger = createLogger();
  const gateway = await startGateway(config, {
    credentials: alibabaCloudCredentials(),
    logger,
  });
  logger.log("info", "live e2e world ready", {
    gateway: gateway.url,
    standIn: standIn.endpointTemplate,
    oss: oss.endpoint,
    sls: sls.endpoint,
  });

  const stop = () => {
    void Promise.all([
      gateway.close(),
      standIn.close(),
      oss.close(),
      sls.close(),
    ]).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `live e2e server: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
