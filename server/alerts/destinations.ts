import { createHmac, timingSafeEqual } from "node:crypto";
import { createTransport } from "nodemailer";
import type { Firing, Notice } from "../../src/lib/alerts/rule";
import { markInvisible } from "../../src/lib/visible-chars";
import {
  checkHost,
  DeliveryFailed,
  DestinationRefused,
  postChecked,
  type TargetPolicy,
} from "./ssrf";
import type {
  Destination,
  DestinationSettings,
  DingTalkSettings,
  EmailSettings,
  WebhookSettings,
} from "./store";

/**
 * Where the gateway sends a firing: a generic JSON webhook signed with
 * HMAC-SHA256, a DingTalk group robot (signed per DingTalk's documented
 * algorithm, markdown message), or email through SMTP (nodemailer). The
 * secrets stay here: what leaves the gateway for the console is
 * `destinationView` (masked), and every secret is registered with the
 * logger's redaction.
 *
 * A notification names the rule, the account, the regions, the time and a
 * link back to the console; it lists the events' names, times, callers and
 * ids, never their bodies. Event text is hostile: control, bidi and
 * zero-width characters are written as ⟦RLO⟧ (as the console shows them),
 * markdown is escaped for DingTalk, and email is plain text.
 *
 * A destination that opted into delivery confirmations also receives the
 * trail watch's notices (a TrailNotification): a trail that stopped, fails
 * or is late, its recovery, and each confirmed delivery.
 */

export interface Notification {
  /** Unique per firing and destination: a receiver can drop a repeat. */
  deliveryId: string;
  firing: Firing;
  /** GATEWAY_ACCOUNT_LABEL, or "" */
  account: string;
  regions: readonly string[];
  /** A link to the firing in the console, when the gateway knows its public origin. */
  link: string | undefined;
}

/** A trail delivery notice on its way to a destination that opted in. */
export interface TrailNotification {
  deliveryId: string;
  notice: Notice;
  account: string;
  regions: readonly string[];
  /** The console's trails page, when the gateway knows its public origin. */
  link: string | undefined;
}

export type Outgoing = Notification | TrailNotification;

const isTrail = (n: Outgoing): n is TrailNotification => "notice" in n;

/** What happened to the trail, in a line. */
export function trailHeadline(notice: Notice): string {
  const trail = plainText(notice.trail ?? "", 120);
  switch (notice.level) {
    case "stopped":
      return `Trail ${trail} stopped logging`;
    case "late":
      return `Trail ${trail} has not delivered for longer than expected`;
    case "recovered":
      return `Trail ${trail} is delivering again`;
    case "delivered":
      return `Trail ${trail} delivered`;
    default:
      return `Trail ${trail} failed to deliver`;
  }
}

function trailLines(n: TrailNotification): string[] {
  const { notice } = n;
  return [
    `Account: ${plainText(n.account || "(not named)")}`,
    `Trail: ${plainText(notice.trail ?? "", 120)}`,
    `Time: ${iso(notice.at)}`,
    ...(notice.code ? [`Code: ${plainText(notice.code, 100)}`] : []),
    ...(notice.detail ? [`Detail: ${plainText(notice.detail, 300)}`] : []),
  ];
}

// ---------- masking ----------

const DOTS = "••••";

/** A secret shown as "set" or not: never even a part of it. */
export const maskSecret = (secret: string): string => (secret ? DOTS : "");

/**
 * A webhook URL with its secret parts hidden: scheme and host stay, the path
 * and query are dots with their last four characters (enough to tell two
 * apart), credentials-looking query values are dots.
 */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return DOTS;
  }
  const rest = `${url.pathname}${url.search}`;
  const tail = rest.length > 12 ? rest.slice(-4) : "";
  return `${url.protocol}//${url.host}/${DOTS}${tail}`;
}

export interface DestinationView {
  id: string;
  name: string;
  kind: DestinationSettings["kind"];
  /** Where it goes, masked: a URL with dots, or the SMTP server and recipients. */
  target: string;
  secretSet: boolean;
  email?: {
    host: string;
    port: number;
    secure: boolean;
    user: string;
    from: string;
    to: string[];
  };
  consecutiveFailures: number;
  paused: boolean;
  pausedAt?: number | undefined;
  pausedReason?: string | undefined;
  /** Receives the trail watch's notices and delivery confirmations. */
  deliveryConfirmations: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What the console may see of a destination. */
export function destinationView(destination: Destination): DestinationView {
  const { settings } = destination;
  const base = {
    id: destination.id,
    name: destination.name,
    kind: settings.kind,
    consecutiveFailures: destination.consecutiveFailures,
    paused: destination.pausedAt !== undefined,
    pausedAt: destination.pausedAt,
    pausedReason: destination.pausedReason,
    deliveryConfirmations: destination.deliveryConfirmations === true,
    createdAt: destination.createdAt,
    updatedAt: destination.updatedAt,
  };
  if (settings.kind === "email")
    return {
      ...base,
      target: `smtp${settings.secure ? "s" : ""}://${settings.host}:${settings.port}`,
      secretSet: settings.password !== "",
      email: {
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        user: settings.user,
        from: settings.from,
        to: [...settings.to],
      },
    };
  return {
    ...base,
    target: maskUrl(settings.url),
    secretSet: settings.secret !== "",
  };
}

/** The values the logger must never print for this destination. */
export function secretsOf(settings: DestinationSettings): string[] {
  if (settings.kind === "email") return [settings.password];
  const url = (() => {
    try {
      return new URL(settings.url);
    } catch {
      return undefined;
    }
  })();
  const parts = [settings.secret, settings.url];
  if (url) {
    parts.push(url.pathname, url.search);
    for (const value of url.searchParams.values()) parts.push(value);
  }
  return parts.filter((p) => p.length >= 6);
}

// ---------- text ----------

/**
 * Event text made safe to show elsewhere: every invisible character written
 * out as ⟦LABEL⟧ by the console's own rule (src/lib/visible-chars.ts), so a
 * message reads as the console does, and the length capped.
 */
export function plainText(value: string, max = 200): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  const visible = markInvisible(cut);
  return value.length > max
    ? `${visible}… (${value.length} characters)`
    : visible;
}

/** Markdown's active characters escaped (DingTalk renders markdown). */
const markdownText = (value: string, max?: number): string =>
  plainText(value, max).replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);

const iso = (ms: number): string => new Date(ms).toISOString();
const MAX_LISTED = 10;

function summaryLines(n: Notification): string[] {
  const f = n.firing;
  return [
    `Rule: ${plainText(f.ruleName)}`,
    `Severity: ${f.severity}`,
    `Account: ${plainText(n.account || "(not named)")}`,
    `Regions: ${n.regions.join(", ")}`,
    `Time: ${iso(f.at)}`,
    `Window: ${iso(f.windowStart)} – ${iso(f.windowEnd)}`,
    `Matching events: ${f.count}`,
    ...(f.identity ? [`Identity: ${plainText(f.identity)}`] : []),
  ];
}

const eventLine = (e: Firing["events"][number]): string =>
  `${iso(e.timeMs)} ${plainText(e.name, 100)} by ${plainText(e.userName || "(unknown)", 100)} in ${plainText(e.region, 40)} (${plainText(e.id, 80)})`;

export const subjectOf = (n: Outgoing): string =>
  isTrail(n)
    ? `[Trailscope ${n.notice.kind === "delivery-warning" ? "warning" : "delivery"}] ${trailHeadline(n.notice)}`
    : `[Trailscope ${n.firing.severity}] ${plainText(n.firing.ruleName, 120)}: ${n.firing.count} event${n.firing.count === 1 ? "" : "s"}`;

/** The plain-text message (email, and the webhook's `text`). */
export function textMessage(n: Outgoing): string {
  if (isTrail(n))
    return [
      subjectOf(n),
      "",
      ...trailLines(n),
      "",
      n.link ? `Open in Trailscope: ${n.link}` : "",
    ].join("\n");
  const listed = n.firing.events.slice(0, MAX_LISTED);
  return [
    subjectOf(n),
    "",
    ...summaryLines(n),
    "",
    "Events:",
    ...listed.map((e) => `- ${eventLine(e)}`),
    ...(n.firing.count > listed.length
      ? [`- … and ${n.firing.count - listed.length} more`]
      : []),
    "",
    n.link ? `Open in Trailscope: ${n.link}` : "",
  ].join("\n");
}

// ---------- webhook ----------

export const WEBHOOK_SIGNATURE_HEADER = "X-Trailscope-Signature";
export const WEBHOOK_TIMESTAMP_HEADER = "X-Trailscope-Timestamp";
export const WEBHOOK_DELIVERY_HEADER = "X-Trailscope-Delivery";

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`); the
 * timestamp is Unix seconds, sent in X-Trailscope-Timestamp. A receiver
 * recomputes it over the raw body and refuses old timestamps (replays).
 */
export const webhookSignature = (
  secret: string,
  timestamp: string,
  body: string,
): string =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

/** What a receiver does: the signature matches and the timestamp is within `toleranceS` of now. */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowMs: number,
  toleranceS = 300,
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceS) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function webhookBody(n: Outgoing): string {
  if (isTrail(n))
    return JSON.stringify({
      type: "trailscope.trail.notice",
      deliveryId: n.deliveryId,
      noticeId: n.notice.id,
      kind: n.notice.kind,
      level: n.notice.level ?? null,
      trail: n.notice.trail ?? null,
      code: n.notice.code ?? null,
      detail: n.notice.detail ?? null,
      account: n.account,
      at: iso(n.notice.at),
      link: n.link ?? null,
      text: textMessage(n),
    });
  const f = n.firing;
  return JSON.stringify({
    type: "trailscope.alert.firing",
    deliveryId: n.deliveryId,
    firingId: f.id,
    rule: { id: f.ruleId, name: f.ruleName, severity: f.severity },
    account: n.account,
    regions: n.regions,
    at: iso(f.at),
    window: { start: iso(f.windowStart), end: iso(f.windowEnd) },
    count: f.count,
    identity: f.identity ?? null,
    events: f.events.map((e) => ({
      id: e.id,
      name: e.name,
      time: iso(e.timeMs),
      region: e.region,
      userName: e.userName,
    })),
    link: n.link ?? null,
    text: textMessage(n),
  });
}

async function sendWebhook(
  settings: WebhookSettings,
  n: Outgoing,
  options: SendOptions,
): Promise<void> {
  const body = webhookBody(n);
  const timestamp = String(Math.floor(options.now() / 1000));
  await postChecked(
    settings.url,
    body,
    {
      [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
      [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(
        settings.secret,
        timestamp,
        body,
      ),
      [WEBHOOK_DELIVERY_HEADER]: n.deliveryId,
    },
    options.policy,
    options.timeoutMs,
  );
}

// ---------- DingTalk ----------

/**
 * DingTalk's signature for a robot with "加签" (sign) security:
 * sign = urlEncode(base64(HmacSHA256(key = secret, `${timestamp}\n${secret}`))),
 * timestamp in milliseconds, both added to the webhook URL's query.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  const digest = createHmac("sha256", secret)
    .update(`${timestampMs}\n${secret}`)
    .digest("base64");
  return encodeURIComponent(digest);
}

export function dingTalkUrl(
  url: string,
  secret: string,
  timestampMs: number,
): string {
  if (!secret) return url;
  const separator = url.includes("?") ? "&" : "?";
  return `${url}${separator}timestamp=${timestampMs}&sign=${dingTalkSign(secret, timestampMs)}`;
}

export function dingTalkBody(n: Outgoing): string {
  if (isTrail(n))
    return JSON.stringify({
      msgtype: "markdown",
      markdown: {
        title: plainText(subjectOf(n), 60),
        text: [
          `### ${markdownText(subjectOf(n), 200)}`,
          "",
          ...trailLines(n).map((line) => `- ${markdownText(line, 400)}`),
          "",
          ...(n.link ? [`[Open in Trailscope](${n.link})`] : []),
        ].join("\n"),
      },
    });
  const f = n.firing;
  const listed = f.events.slice(0, MAX_LISTED);
  const text = [
    `### ${markdownText(subjectOf(n), 200)}`,
    "",
    ...summaryLines(n).map((line) => `- ${markdownText(line, 300)}`),
    "",
    ...listed.map((e) => `- ${markdownText(eventLine(e), 400)}`),
    ...(f.count > listed.length
      ? [`- … and ${f.count - listed.length} more`]
      : []),
    "",
    ...(n.link ? [`[Open in Trailscope](${n.link})`] : []),
  ].join("\n");
  return JSON.stringify({
    msgtype: "markdown",
    markdown: { title: plainText(subjectOf(n), 60), text },
  });
}

async function sendDingTalk(
  settings: DingTalkSettings,
  n: Outgoing,
  options: SendOptions,
): Promise<void> {
  const answer = await postChecked(
    dingTalkUrl(settings.url, settings.secret, options.now()),
    dingTalkBody(n),
    {},
    options.policy,
    options.timeoutMs,
  );
  // DingTalk answers 200 with {"errcode":0,"errmsg":"ok"}; anything else failed.
  let parsed: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    parsed = JSON.parse(answer.text) as typeof parsed;
  } catch {
    throw new DeliveryFailed("DingTalk's answer was not JSON.", true);
  }
  if (parsed.errcode !== 0) {
    const code = typeof parsed.errcode === "number" ? parsed.errcode : "?";
    const message =
      typeof parsed.errmsg === "string" ? parsed.errmsg.slice(0, 200) : "";
    // 130101: sent too fast (20 a minute per robot) — worth retrying.
    throw new DeliveryFailed(
      `DingTalk refused the message: ${code} ${message}`.trim(),
      code === 130101,
    );
  }
}

// ---------- email ----------

export type MakeTransport = typeof createTransport;

async function sendEmail(
  settings: EmailSettings,
  n: Outgoing,
  options: SendOptions,
): Promise<void> {
  let target;
  try {
    target = await checkHost(settings.host, options.policy);
  } catch (error) {
    if (error instanceof DestinationRefused)
      throw new DeliveryFailed(error.message, false);
    throw error;
  }
  const make = options.makeTransport ?? createTransport;
  const transport = make({
    // Connect to the checked address; TLS still verifies the host's name.
    host: target.address,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure,
    auth: settings.user
      ? { user: settings.user, pass: settings.password }
      : undefined,
    tls: { servername: target.host },
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: subjectOf(n),
      text: textMessage(n),
      headers: { [WEBHOOK_DELIVERY_HEADER]: n.deliveryId },
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    throw new DeliveryFailed(
      `The mail server refused the message${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`,
      code === undefined || code < 500,
    );
  } finally {
    transport.close();
  }
}

// ---------- one entry ----------

export interface SendOptions {
  policy: TargetPolicy;
  now: () => number;
  timeoutMs?: number;
  makeTransport?: MakeTransport;
}

export type Sender = (
  destination: Destination,
  notification: Outgoing,
) => Promise<void>;

/** Sends one notification to one destination; rejects with DeliveryFailed. */
export function createSender(options: SendOptions): Sender {
  return async (destination, notification) => {
    const { settings } = destination;
    if (settings.kind === "webhook")
      return sendWebhook(settings, notification, options);
    if (settings.kind === "dingtalk")
      return sendDingTalk(settings, notification, options);
    return sendEmail(settings, notification, options);
  };
}
