import { resolve } from "node:path";
import { buildIsStale, buildLive } from "./build-if-needed";
import { ConfigError, readConfig, type GatewayConfig } from "./config";
import { alibabaCloudCredentials } from "./credentials";
import { startGateway } from "./gateway";
import { createLogger } from "./logger";

/**
 * `npm run serve:live`: builds the console in live mode if needed, then
 * starts the signing gateway in front of ActionTrail.
 */
async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`trailscope gateway: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger();
  const root = resolve(import.meta.dirname, "..");
  const staticDir = resolve(root, config.staticDir);
  if (process.env.GATEWAY_SKIP_BUILD !== "1") {
    const reason = buildIsStale(root, staticDir);
    if (reason) {
      logger.log("info", "building the console in live mode", {
        reason,
        outDir: config.staticDir,
      });
      buildLive(root, staticDir);
    }
  }

  const credentials = alibabaCloudCredentials();
  const gateway = await startGateway(
    { ...config, staticDir },
    { credentials, logger },
  );
  logger.log("info", "gateway listening", {
    url: gateway.url,
    endpoint: config.endpointTemplate,
    readOnly: config.readOnly,
    account: config.accountLabel,
    auth: config.auth.kind,
    trustedUserHeader: config.trustedUserHeader ?? null,
  });
  if (config.auth.kind === "token" && config.auth.generated) {
    // Printed once for the person who started the gateway, outside the logs.
    process.stderr.write(
      `\nTrailscope is at ${gateway.url}/ — sign in with this access token (set GATEWAY_TOKEN to choose your own):\n\n    ${config.auth.token}\n\n`,
    );
  }
  credentials
    .get()
    .then((found) => {
      logger.redact(found.accessKeySecret);
      logger.redact(found.securityToken);
      logger.log("info", "credentials found", {
        source: credentials.describe(),
        sts: Boolean(found.securityToken),
      });
    })
    .catch((error: unknown) =>
      logger.log(
        "warn",
        "no Alibaba Cloud credentials yet: every API call will fail until they are provided",
        {
          error:
            error instanceof Error ? error.message.slice(0, 300) : "unknown",
        },
      ),
    );

  const stop = () => {
    logger.log("info", "gateway stopping");
    void gateway.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `trailscope gateway: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
