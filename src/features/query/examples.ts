import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";

/** Questions an auditor asks of the `events` table, as SQL (the four first). */
export interface ExampleQuery {
  id: string;
  title: MessageDescriptor;
  sql: string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: "top-writers",
    title: msg`Top callers of write actions by service`,
    sql: `SELECT serviceName, userName, count(*) AS writes
FROM events
WHERE eventRW = 'Write'
GROUP BY serviceName, userName
ORDER BY writes DESC
LIMIT 50`,
  },
  {
    id: "failures-by-user",
    title: msg`Failures by error code per user`,
    sql: `SELECT userName, errorCode, count(*) AS failures
FROM events
WHERE errorCode IS NOT NULL
GROUP BY userName, errorCode
ORDER BY failures DESC`,
  },
  {
    id: "first-seen-ip",
    title: msg`First time each IP was seen per identity`,
    sql: `SELECT userName, sourceIpAddress, min(eventTime) AS firstSeen, count(*) AS events
FROM events
WHERE sourceIpAddress IS NOT NULL
GROUP BY userName, sourceIpAddress
ORDER BY firstSeen DESC`,
  },
  {
    id: "key-many-ranges",
    title: msg`AccessKeys used from more than one /16 address range`,
    sql: `SELECT accessKeyId, count(DISTINCT regexp_extract(sourceIpAddress, '^(\\d+\\.\\d+)\\.', 1)) AS ranges,
  list(DISTINCT sourceIpAddress) AS addresses
FROM events
WHERE accessKeyId IS NOT NULL
GROUP BY accessKeyId
HAVING ranges > 1
ORDER BY ranges DESC`,
  },
  {
    id: "newest",
    title: msg`The 100 newest events`,
    sql: `SELECT eventId, eventTime, eventName, userName, sourceIpAddress
FROM events
ORDER BY eventTime DESC
LIMIT 100`,
  },
  {
    id: "per-hour",
    title: msg`Events per hour`,
    sql: `SELECT date_trunc('hour', eventTime) AS hour, count(*) AS events
FROM events
GROUP BY hour
ORDER BY hour`,
  },
  {
    id: "sensitive",
    title: msg`Sensitive actions and who did them`,
    sql: `SELECT eventId, eventTime, eventName, userName, sourceIpAddress
FROM events
WHERE sensitiveAction
ORDER BY eventTime DESC`,
  },
  {
    id: "failed-sign-ins",
    title: msg`Failed console sign-ins`,
    sql: `SELECT eventId, eventTime, userName, sourceIpAddress, errorMessage
FROM events
WHERE eventName = 'ConsoleSignin' AND errorCode IS NOT NULL
ORDER BY eventTime DESC`,
  },
  {
    id: "root-use",
    title: msg`Everything the root account did`,
    sql: `SELECT eventId, eventTime, eventName, serviceName, sourceIpAddress
FROM events
WHERE userType = 'root-account'
ORDER BY eventTime DESC`,
  },
  {
    id: "no-mfa",
    title: msg`Console users without MFA`,
    sql: `SELECT userName, count(*) AS events, max(eventTime) AS lastSeen
FROM events
WHERE mfaAuthenticated = false
GROUP BY userName
ORDER BY events DESC`,
  },
];

/** Starter saved queries: the seed's common audit questions, with a placeholder to fill. */
export const STARTER_QUERIES: readonly ExampleQuery[] = [
  {
    id: "who-stopped",
    title: msg`Who stopped this instance`,
    sql: `SELECT eventId, eventTime, userName, accessKeyId, sourceIpAddress
FROM events
WHERE eventName IN ('StopInstance', 'StopInstances')
  AND resourceName LIKE '%i-REPLACE-ME%'
ORDER BY eventTime DESC`,
  },
  {
    id: "access-key",
    title: msg`Everything an AccessKey did`,
    sql: `SELECT eventId, eventTime, eventName, serviceName, sourceIpAddress, errorCode
FROM events
WHERE accessKeyId = 'REPLACE-ME'
ORDER BY eventTime DESC`,
  },
  {
    id: "failed-sign-ins-all",
    title: msg`All failed sign-ins`,
    sql: `SELECT eventId, eventTime, userName, sourceIpAddress, errorCode, errorMessage
FROM events
WHERE eventName ILIKE '%signin%' AND errorCode IS NOT NULL
ORDER BY eventTime DESC`,
  },
  {
    id: "policy-changes",
    title: msg`All policy changes`,
    sql: `SELECT eventId, eventTime, eventName, userName, resourceName
FROM events
WHERE serviceName = 'Ram' AND eventRW = 'Write' AND eventName ILIKE '%polic%'
ORDER BY eventTime DESC`,
  },
];

/**
 * The same questions in Log Service's syntax (`<search> | <SQL>`), for a
 * trail's logstore: fields as ActionTrail delivers them (`event.…`, quoted in
 * SQL), `__time__` in epoch seconds, no FROM (Log Service reads the logstore).
 */
export const LOGSTORE_EXAMPLES: readonly ExampleQuery[] = [
  {
    id: "sls-top-writers",
    title: msg`Top callers of write actions by service`,
    sql: `event.eventRW: Write | SELECT "event.serviceName" AS service, "event.userIdentity.userName" AS caller, count(*) AS writes
GROUP BY "event.serviceName", "event.userIdentity.userName"
ORDER BY writes DESC
LIMIT 50`,
  },
  {
    id: "sls-failures-by-user",
    title: msg`Failures by error code per user`,
    sql: `event.errorCode: * | SELECT "event.userIdentity.userName" AS caller, "event.errorCode" AS error, count(*) AS failures
GROUP BY "event.userIdentity.userName", "event.errorCode"
ORDER BY failures DESC
LIMIT 100`,
  },
  {
    id: "sls-first-seen-ip",
    title: msg`First time each IP was seen per identity`,
    sql: `* | SELECT "event.userIdentity.userName" AS caller, "event.sourceIpAddress" AS ip, from_unixtime(min(__time__)) AS first_seen, count(*) AS events
GROUP BY "event.userIdentity.userName", "event.sourceIpAddress"
ORDER BY first_seen DESC
LIMIT 100`,
  },
  {
    id: "sls-writes-per-hour",
    title: msg`Write actions per hour`,
    sql: `event.eventRW: Write | SELECT date_trunc('hour', __time__) AS hour, count(*) AS writes, approx_distinct("event.userIdentity.userName") AS callers
GROUP BY hour
ORDER BY hour`,
  },
  {
    id: "sls-stopped-instances",
    title: msg`Who stopped an instance (the logs themselves)`,
    sql: `event.serviceName: Ecs and event.eventName: StopInstance`,
  },
];
