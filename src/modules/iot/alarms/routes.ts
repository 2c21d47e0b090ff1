import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { acknowledgeAlarm, alarmHistory, alarmNotFound, AlarmEventView, AlarmView, getAlarm, listAlarms } from './alarms.js';
import { iotEvents } from '../events.js';
import { RuleInput } from './rule-schema.js';
import { createRule, deleteRule, getRule, listRules, ruleNotFound, RuleView, updateRule } from './rules.js';
import { alarmsDb, invalidateRules } from './store.js';
import { AlarmStreams } from './stream.js';

const tags = ['iot: alarms'];
const PROBLEM = { $ref: 'Problem#' };
const READ = { access: { roles: ['officer', 'agency_admin', 'leader', 'system_admin'], scopes: ['iot:read'] } } as const;
/** System admins any rule; agency admins rules on their agency's devices (checked in the handler). */
const WRITE_RULES = { access: { roles: ['system_admin', 'agency_admin'] } } as const;
/** Who may acknowledge is decided per alarm (the device's owner agency, leaders, system admins). */
const ACK = { access: { roles: ['officer', 'agency_admin', 'leader', 'system_admin'] } } as const;
const IdParams = StrictObject({ id: Type.String({ maxLength: 64 }) });

export function registerAlarmRoutes(app: App, ctx: AppContext): void {
  registerRuleRoutes(app, ctx);
  registerAlarmQueryRoutes(app, ctx);
  const streams = new AlarmStreams(ctx);
  app.addHook('preClose', async () => streams.closeAll());
  app.get(
    '/api/v1/iot/alarms/stream',
    { config: READ, schema: { tags, summary: 'Server-sent events: every alarm raised, escalated, de-escalated, acknowledged or cleared (event `alarm`, data an AlarmEvent); needs Accept: text/event-stream', response: { 406: PROBLEM } } },
    (request, reply) => streams.serve(request, reply),
  );
}

function registerRuleRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/rules',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Alarm rules (luật cảnh báo), oldest first',
        querystring: StrictObject({
          device: Type.Optional(Type.String({ maxLength: 80 })),
          type: Type.Optional(Type.String({ maxLength: 80 })),
          enabled: Type.Optional(Type.Boolean()),
          // Accepted for clients that page every list; rules are few, so one page holds them all (up to 1,000).
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(RuleView), nextCursor: Type.Null() }) },
      },
    },
    async (request) => ({ items: await listRules(ctx, request.query), nextCursor: null }),
  );
  app.get('/api/v1/iot/rules/:id', { config: READ, schema: { tags, summary: 'One rule', params: IdParams, response: { 200: RuleView, 404: PROBLEM } } }, async (request) => {
    const rule = await getRule(alarmsDb(ctx.db), request.params.id);
    if (!rule) throw ruleNotFound();
    return rule;
  });
  app.post(
    '/api/v1/iot/rules',
    { config: WRITE_RULES, schema: { tags, summary: 'Creates a rule on a device or a device type; its metrics must exist on the type', body: RuleInput, response: { 201: RuleView, 403: PROBLEM, 422: PROBLEM } } },
    async (request, reply) => {
      const rule = await createRule(ctx, request, request.body);
      invalidateRules(ctx.db);
      return reply.code(201).send(rule);
    },
  );
  app.put(
    '/api/v1/iot/rules/:id',
    { config: WRITE_RULES, schema: { tags, summary: 'Replaces a rule (its version goes up; a raised alarm is re-judged under the new levels)', params: IdParams, body: RuleInput, response: { 200: RuleView, 403: PROBLEM, 404: PROBLEM, 422: PROBLEM } } },
    async (request) => {
      const rule = await updateRule(ctx, request, request.params.id, request.body);
      invalidateRules(ctx.db);
      return rule;
    },
  );
  app.delete(
    '/api/v1/iot/rules/:id',
    { config: WRITE_RULES, schema: { tags, summary: 'Deletes a rule; its open alarms are cleared and keep their history', params: IdParams, response: { 204: Type.Null(), 403: PROBLEM, 404: PROBLEM } } },
    async (request, reply) => {
      const bus = iotEvents(ctx.db);
      const events = await deleteRule(ctx, request, request.params.id);
      invalidateRules(ctx.db);
      for (const event of events) bus.emit('alarm', event);
      return reply.code(204).send(null);
    },
  );
}

const AlarmQuery = StrictObject({
  state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('acknowledged'), Type.Literal('cleared'), Type.Literal('open')])),
  unacknowledged: Type.Optional(Type.Boolean()),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  severity: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')])),
  device: Type.Optional(Type.String({ maxLength: 80 })),
  sector: Type.Optional(Type.String({ maxLength: 40 })),
  commune: Type.Optional(Type.String({ maxLength: 20 })),
  agency: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

const Counts = Type.Object({
  byLevel: Type.Record(Type.String(), Type.Integer()),
  bySeverity: Type.Record(Type.String(), Type.Integer()),
  byState: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
});

const ackRequest = (request: FastifyRequest) => ({
  principal: request.principal,
  ip: request.ip,
  requestId: request.id,
  actorLabel: request.principal.kind === 'user' ? request.principal.email : 'unknown',
});

function registerAlarmQueryRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/alarms',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Alarms, newest first, with counts by level, severity and state over the filter (state=open: active or acknowledged)',
        querystring: AlarmQuery,
        response: { 200: Type.Object({ items: Type.Array(AlarmView), nextCursor: Type.Union([Type.String(), Type.Null()]), counts: Counts }), 400: PROBLEM },
      },
    },
    async (request) => {
      const { cursor, limit, ...filters } = request.query;
      return listAlarms(ctx, filters, { limit: limit ?? 50, cursor });
    },
  );
  app.get(
    '/api/v1/iot/alarms/:id',
    { config: READ, schema: { tags, summary: 'One alarm with its history', params: IdParams, response: { 200: Type.Object({ alarm: AlarmView, history: Type.Array(AlarmEventView) }), 404: PROBLEM } } },
    async (request) => {
      const db = alarmsDb(ctx.db);
      const alarm = await getAlarm(db, request.params.id);
      if (!alarm) throw alarmNotFound();
      return { alarm, history: await alarmHistory(db, alarm.id) };
    },
  );
  app.post(
    '/api/v1/iot/alarms/:id/acknowledge',
    {
      config: ACK,
      schema: {
        tags,
        summary: 'Acknowledges an active alarm (xác nhận cảnh báo), with an optional note; 409 when already acknowledged or cleared',
        params: IdParams,
        body: Type.Optional(StrictObject({ note: Type.Optional(Type.String({ maxLength: 1000 })) })),
        response: { 200: AlarmView, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM },
      },
    },
    async (request) => acknowledgeAlarm(ctx, request.params.id, request.body?.note?.trim() || undefined, ackRequest(request)),
  );
}
