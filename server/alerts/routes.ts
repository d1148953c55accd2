import { TEST_WINDOW_MINUTES } from "../../src/lib/alerts/run-rule";
import { nextRunAt } from "../../src/lib/alerts/schedule";
import { admit, type Exchange, type GatewayContext } from "../context";
import { GATEWAY_ERRORS, Refusal } from "../envelope";
import { checkSameOrigin } from "../origin";
import { readBody } from "../read-body";
import { destinationView, secretsOf } from "./destinations";
import {
  describeIssues,
  destinationInputSchema,
  InputError,
  ruleInputSchema,
  settingsFrom,
} from "./input";
import { resumeDestination } from "./scheduler";
import type { AlertService } from "./service";
import { checkHost, checkUrl, DestinationRefused } from "./ssrf";
import {
  newId,
  type AlertState,
  type DestinationSettings,
  type GatewayRule,
} from "./store";
import { textMessage } from "./destinations";

/**
 * `/api/_alerts/…`: the gateway's alert rules, destinations and history,
 * for signed-in people (the same sessions, tokens and proxy users as the
 * rest of `/api`). Reading is open to every signed-in identity; a
 * read-only gateway (GATEWAY_READ_ONLY, the auditor's) refuses every
 * change with 403 NoPermission and the reason.
 *
 *   GET    rules                 rules with last run, next run, latest firing
 *   POST   rules                 create      PUT/DELETE rules/:id
 *   POST   rules/:id/test        run now over the last day, send nothing: what it would send
 *   GET    destinations          masked      POST create, PUT/DELETE destinations/:id
 *   POST   destinations/:id/resume           a paused destination sends again
 *   GET    firings[?ruleId=]     firings with their deliveries
 *   GET    warnings              delivery warnings, newest first
 *   GET    notices               trail delivery notices (the trail watch), newest first
 */
export const ALERTS_PREFIX = "/api/_alerts/";

interface Call {
  ctx: GatewayContext;
  exchange: Exchange;
  alerts: AlertService;
  method: string;
  parts: string[];
}

export async function handleAlerts(
  ctx: GatewayContext,
  exchange: Exchange,
  alerts: AlertService | undefined,
): Promise<void> {
  const { response, requestId, entry } = exchange;
  try {
    const method = exchange.request.method ?? "GET";
    const write = method !== "GET" && method !== "HEAD";
    const admission = admit(ctx, exchange);
    if (!admission.ok)
      throw admission.why === "limited"
        ? new Refusal(
            "TooManySignIns",
            `Too many wrong tokens from your address. Retry after ${admission.retryAfterS} s.`,
            {
              retryAfterS: admission.retryAfterS,
            },
          )
        : new Refusal(
            "Unauthenticated",
            "Sign in to the Trailscope gateway first (reload the page to reach the sign-in form).",
          );
    if (!checkSameOrigin(exchange.request, ctx.config, { write }).ok)
      throw new Refusal("CrossSiteRequest", "Cross-site requests are refused.");
    if (!alerts)
      throw new Refusal(
        "NotFound",
        "This gateway does not run alert rules: its operator can set GATEWAY_ALERTS_STORE to a file where it keeps them.",
      );
    const parts = exchange.url.pathname
      .slice(ALERTS_PREFIX.length)
      .split("/")
      .filter(Boolean)
      .map(decodeURIComponent);
    entry.alerts = parts
      .slice(0, 3)
      .map((p) => p.slice(0, 40))
      .join("/");
    const call: Call = { ctx, exchange, alerts, method, parts };
    const isTest = parts[0] === "rules" && parts[2] === "test";
    if (write && ctx.config.readOnly && !isTest)
      throw new Refusal(
        "ReadOnly",
        "You are not authorized to do this action: this Trailscope gateway is read-only (auditor), so alert rules and destinations can be seen but not changed.",
      );
    await route(call);
  } catch (error) {
    const refusal =
      error instanceof InputError
        ? new Refusal("InvalidRequest", error.message)
        : error instanceof DestinationRefused
          ? new Refusal("InvalidRequest", error.message)
          : error instanceof URIError
            ? new Refusal("InvalidRequest", "That path is not well formed.")
            : error;
    if (!(refusal instanceof Refusal)) throw error;
    entry.code = GATEWAY_ERRORS[refusal.kind].code;
    const { close, retryAfterS } = refusal.options;
    ctx.replies.error(response, requestId, refusal.kind, refusal.message, {
      ...(close ? { Connection: "close" } : {}),
      ...(retryAfterS ? { "Retry-After": String(retryAfterS) } : {}),
    });
  }
}

async function route(call: Call): Promise<void> {
  const { method, parts } = call;
  const [collection, id, verb] = parts;
  if (parts.length > 3) throw notFound();
  if (collection === "rules") {
    if (!id)
      return method === "POST"
        ? createRule(call)
        : only(method, "GET", () => listRules(call));
    if (verb === "test") return only(method, "POST", () => testRule(call, id));
    if (verb) throw notFound();
    if (method === "PUT") return changeRule(call, id);
    if (method === "DELETE") return deleteRule(call, id);
    return only(method, "GET", () =>
      reply(
        call,
        200,
        ruleView(call.alerts, findRule(call.alerts.store.current, id)),
      ),
    );
  }
  if (collection === "destinations") {
    if (!id)
      return method === "POST"
        ? createDestination(call)
        : only(method, "GET", () =>
            reply(call, 200, {
              destinations:
                call.alerts.store.current.destinations.map(destinationView),
            }),
          );
    if (verb === "resume") return only(method, "POST", () => resume(call, id));
    if (verb) throw notFound();
    if (method === "PUT") return changeDestination(call, id);
    if (method === "DELETE") return deleteDestination(call, id);
    return only(method, "GET", () =>
      reply(
        call,
        200,
        destinationView(findDestination(call.alerts.store.current, id)),
      ),
    );
  }
  if (collection === "firings" && !id)
    return only(method, "GET", () => listFirings(call));
  if (collection === "notices" && !id)
    return only(method, "GET", () =>
      reply(call, 200, { notices: call.alerts.store.current.notices }),
    );
  if (collection === "warnings" && !id)
    return only(method, "GET", () =>
      reply(call, 200, { warnings: call.alerts.store.current.warnings }),
    );
  throw notFound();
}

const notFound = () => new Refusal("NotFound", "No such alerts resource.");

async function only(
  method: string,
  wanted: string,
  run: () => void | Promise<void>,
): Promise<void> {
  if (method !== wanted)
    throw new Refusal("MethodNotAllowed", `Use ${wanted} here.`);
  await run();
}

function reply(call: Call, status: number, body: unknown): void {
  call.ctx.replies.json(call.exchange.response, status, body);
}

async function jsonBody(call: Call): Promise<unknown> {
  const { request } = call.exchange;
  const type = (request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (type !== "application/json")
    throw new Refusal(
      "UnsupportedMediaType",
      "Send JSON (Content-Type: application/json).",
    );
  const body = await readBody(
    request,
    call.ctx.config.maxBodyBytes,
    call.ctx.config.requestTimeoutMs,
  );
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new Refusal("InvalidRequest", "The request body is not JSON.");
  }
}

function findRule(state: Readonly<AlertState>, id: string): GatewayRule {
  const rule = state.rules.find((r) => r.id === id);
  if (!rule) throw new Refusal("NotFound", "No alert rule has that id.");
  return rule;
}

function findDestination(state: Readonly<AlertState>, id: string) {
  const destination = state.destinations.find((d) => d.id === id);
  if (!destination)
    throw new Refusal("NotFound", "No destination has that id.");
  return destination;
}

function ruleView(alerts: AlertService, rule: GatewayRule) {
  const state = alerts.store.current;
  const lastRun = state.lastRuns[rule.id];
  const deliveries = state.deliveries.filter((d) => d.ruleId === rule.id);
  return {
    ...rule,
    lastRun: lastRun ?? null,
    nextRunAt: nextRunAt(rule, lastRun) ?? null,
    lastFiring: state.firings.find((f) => f.ruleId === rule.id) ?? null,
    failedDeliveries: deliveries.filter((d) => d.status === "failed").length,
    heldDeliveries: deliveries.filter((d) => d.status === "held").length,
  };
}

function listRules(call: Call): void {
  const { alerts } = call;
  reply(call, 200, {
    rules: alerts.store.current.rules.map((r) => ruleView(alerts, r)),
  });
}

async function readRule(call: Call) {
  const parsed = ruleInputSchema.safeParse(await jsonBody(call));
  if (!parsed.success)
    throw new Refusal("InvalidRequest", describeIssues(parsed.error));
  const known = new Set(
    call.alerts.store.current.destinations.map((d) => d.id),
  );
  const unknown = parsed.data.destinationIds.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new Refusal(
      "InvalidRequest",
      `destinationIds: no destination has the id ${unknown.slice(0, 60)}.`,
    );
  return parsed.data;
}

async function createRule(call: Call): Promise<void> {
  const input = await readRule(call);
  const now = call.alerts.clock();
  const rule: GatewayRule = {
    ...input,
    id: newId("rule"),
    createdAt: now,
    updatedAt: now,
  };
  await call.alerts.store.update((s) => s.rules.push(rule));
  reply(call, 201, ruleView(call.alerts, rule));
}

async function changeRule(call: Call, id: string): Promise<void> {
  findRule(call.alerts.store.current, id);
  const input = await readRule(call);
  const now = call.alerts.clock();
  const rule = await call.alerts.store.update((s) => {
    const index = s.rules.findIndex((r) => r.id === id);
    const previous = s.rules[index];
    if (!previous) throw new Refusal("NotFound", "No alert rule has that id.");
    const next: GatewayRule = {
      ...input,
      id,
      createdAt: previous.createdAt,
      updatedAt: now,
    };
    s.rules[index] = next;
    return next;
  });
  reply(call, 200, ruleView(call.alerts, rule));
}

async function deleteRule(call: Call, id: string): Promise<void> {
  findRule(call.alerts.store.current, id);
  await call.alerts.store.update((s) => {
    s.rules = s.rules.filter((r) => r.id !== id);
    delete s.lastRuns[id];
    // What was still to be sent for it is dropped; the history stays.
    for (const d of s.deliveries)
      if (d.ruleId === id && (d.status === "pending" || d.status === "held")) {
        d.status = "failed";
        d.lastError = "The rule was deleted.";
      }
  });
  call.exchange.response.writeHead(204, {
    ...call.ctx.baseHeaders,
    "Cache-Control": "no-store",
  });
  call.exchange.response.end();
}

async function testRule(call: Call, id: string): Promise<void> {
  const rule = findRule(call.alerts.store.current, id);
  const result = await call.alerts.scheduler.evaluateRule(rule, {
    windowMinutes: TEST_WINDOW_MINUTES,
  });
  const firing = result.firing;
  const destinations = call.alerts.store.current.destinations
    .filter((d) => rule.destinationIds.includes(d.id))
    .map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.settings.kind,
      paused: d.pausedAt !== undefined,
    }));
  reply(call, 200, {
    run: result.run,
    wouldFire: firing !== undefined,
    firing: firing ?? null,
    message: firing
      ? textMessage(call.alerts.scheduler.notificationFor(firing))
      : null,
    destinations,
  });
}

async function checkSettings(
  call: Call,
  settings: DestinationSettings,
): Promise<void> {
  if (settings.kind === "email")
    await checkHost(settings.host, call.alerts.policy);
  else await checkUrl(settings.url, call.alerts.policy);
}

async function readDestination(call: Call, previous?: DestinationSettings) {
  const parsed = destinationInputSchema.safeParse(await jsonBody(call));
  if (!parsed.success)
    throw new Refusal("InvalidRequest", describeIssues(parsed.error));
  const settings = settingsFrom(parsed.data, previous);
  await checkSettings(call, settings);
  call.alerts.protect(secretsOf(settings));
  return {
    name: parsed.data.name,
    settings,
    deliveryConfirmations: parsed.data.deliveryConfirmations,
  };
}

async function createDestination(call: Call): Promise<void> {
  const { name, settings, deliveryConfirmations } = await readDestination(call);
  const now = call.alerts.clock();
  const destination = {
    id: newId("dest"),
    name,
    settings,
    deliveryConfirmations,
    consecutiveFailures: 0,
    createdAt: now,
    updatedAt: now,
  };
  await call.alerts.store.update((s) => s.destinations.push(destination));
  reply(call, 201, destinationView(destination));
}

async function changeDestination(call: Call, id: string): Promise<void> {
  const previous = findDestination(call.alerts.store.current, id);
  const { name, settings, deliveryConfirmations } = await readDestination(
    call,
    previous.settings,
  );
  const now = call.alerts.clock();
  const changed = await call.alerts.store.update((s) => {
    const d = s.destinations.find((x) => x.id === id);
    if (!d) throw new Refusal("NotFound", "No destination has that id.");
    d.name = name;
    d.settings = settings;
    d.deliveryConfirmations = deliveryConfirmations;
    d.updatedAt = now;
    return structuredClone(d);
  });
  reply(call, 200, destinationView(changed));
}

async function deleteDestination(call: Call, id: string): Promise<void> {
  findDestination(call.alerts.store.current, id);
  await call.alerts.store.update((s) => {
    s.destinations = s.destinations.filter((d) => d.id !== id);
    for (const r of s.rules)
      r.destinationIds = r.destinationIds.filter((x) => x !== id);
    for (const d of s.deliveries)
      if (
        d.destinationId === id &&
        (d.status === "pending" || d.status === "held")
      ) {
        d.status = "failed";
        d.lastError = "The destination was deleted.";
      }
  });
  call.exchange.response.writeHead(204, {
    ...call.ctx.baseHeaders,
    "Cache-Control": "no-store",
  });
  call.exchange.response.end();
}

async function resume(call: Call, id: string): Promise<void> {
  findDestination(call.alerts.store.current, id);
  const now = call.alerts.clock();
  await call.alerts.store.update((s) => resumeDestination(s, id, now));
  reply(
    call,
    200,
    destinationView(findDestination(call.alerts.store.current, id)),
  );
}

function listFirings(call: Call): void {
  const state = call.alerts.store.current;
  const ruleId = call.exchange.url.searchParams.get("ruleId");
  const firings = state.firings
    .filter((f) => !ruleId || f.ruleId === ruleId)
    .slice(0, 200);
  const names = new Map(state.destinations.map((d) => [d.id, d.name]));
  reply(call, 200, {
    firings: firings.map((f) => ({
      ...f,
      deliveries: state.deliveries
        .filter((d) => d.firingId === f.id)
        .map((d) => ({
          id: d.id,
          destinationId: d.destinationId,
          destinationName: names.get(d.destinationId) ?? null,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
          lastError: d.lastError ?? null,
          sentAt: d.sentAt ?? null,
        })),
    })),
  });
}
