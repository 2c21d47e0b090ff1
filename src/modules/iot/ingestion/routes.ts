import { Type } from 'typebox';
import type { App } from '../../../platform/http/module.js';
import { AppError } from '../../../platform/http/errors.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { iotDb } from '../tables.js';
import { verifyDeviceToken } from '../device-registry/tokens.js';
import type { DeviceDirectory } from './device-directory.js';
import { Throttled, type Ingestor } from './ingestor.js';
import { PAYLOAD_LIMITS, PayloadRejected, TelemetryPayload } from './payload.js';
import type { Db } from '../../../platform/db/database.js';

const Accepted = StrictObject({ accepted: Type.Integer({ description: 'Readings accepted (one per metric value)' }), outOfRange: Type.Integer() });
const Count = Type.Integer({ minimum: 0 });
const IngestionStatsSchema = StrictObject({
  messagesAccepted: Count,
  readingsAccepted: Count,
  readingsStored: Count,
  duplicates: Count,
  outOfRange: Count,
  throttled: Count,
  rejected: Type.Record(Type.String(), Count, { description: 'Messages dropped, by reason' }),
  batches: Count,
  batchFailures: Count,
  queuedReadings: Count,
  journalPendingReadings: Count,
  replayedReadings: Count,
});
const problem = { $ref: 'Problem#' } as const;

const wrongToken = () =>
  new AppError(401, 'device_unauthenticated', {
    vi: 'Mã thiết bị hoặc mã bí mật (token) không đúng.',
    en: 'Unknown device code or wrong device token.',
  });

function rejected(error: PayloadRejected): AppError {
  if (error instanceof Throttled) {
    return new AppError(
      429,
      'device_throttled',
      {
        vi: `Thiết bị gửi quá nhiều số liệu. Vui lòng gửi lại sau ${error.retryAfterSeconds} giây.`,
        en: `The device sends too many readings. Retry in ${error.retryAfterSeconds} seconds.`,
      },
      [],
      { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
  if (error.reason === 'too_large') {
    return new AppError(413, 'payload_too_large', { vi: 'Bản tin vượt quá 256 KiB.', en: 'The message is larger than 256 KiB.' });
  }
  return new AppError(
    400,
    `telemetry_${error.reason}`,
    { vi: 'Bản tin số liệu không hợp lệ, đã bị loại.', en: 'The telemetry message is not valid and was dropped.' },
    [{ field: 'body', message: { vi: error.detail, en: error.detail } }],
  );
}

/** 403 only for the holder of a disabled device's own token; anyone else learns nothing about the code. */
async function refusal(db: Db, code: string, token: string): Promise<AppError> {
  const row = await iotDb(db).selectFrom('iot_devices').select(['status', 'token_hash']).where('code', '=', code).executeTakeFirst();
  if (row?.status === 'disabled') {
    if (verifyDeviceToken(token, row.token_hash)) {
      return new AppError(403, 'device_disabled', { vi: 'Thiết bị đã bị vô hiệu hóa.', en: 'The device is disabled.' });
    }
  }
  return wrongToken();
}

/** `POST /api/v1/iot/devices/:code/telemetry`, a device's HTTP alternative to MQTT, and the counters. */
export function registerIngestionHttp(app: App, deps: { db: Db; directory: DeviceDirectory; ingestor: () => Ingestor }): void {
  // Encapsulated, so the raw-body parser below applies to this route only.
  void app.register(async (scope) => {
    // The body is validated by the same code as an MQTT payload, from the raw bytes, so both
    // transports refuse exactly the same messages; the schema below is for the API documentation.
    // Any content type is read as JSON bytes: small devices (and `curl -d`) often label it wrongly.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PAYLOAD_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
    scope.setValidatorCompiler(() => () => true);
    scope.post(
      '/api/v1/iot/devices/:code/telemetry',
      {
        // The caller is a device: its token is checked here, not by the platform's session or API-key check.
        config: { access: { public: true, ownCredentials: true } },
        bodyLimit: PAYLOAD_LIMITS.maxBytes,
        schema: {
          tags: ['iot'],
          summary: 'Send readings as a device (Authorization: Bearer <device token>); answered after they are stored',
          params: StrictObject({ code: Type.String({ maxLength: 100 }) }),
          body: TelemetryPayload,
          response: { 202: Accepted, 400: problem, 401: problem, 403: problem, 413: problem, 429: problem },
        },
      },
      async (request, reply) => {
        const { code } = request.params as { code: string };
        const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
        if (!token) throw wrongToken();
        const device = await deps.directory.authenticate(code, token);
        if (!device) throw await refusal(deps.db, code, token);
        try {
          const result = await deps.ingestor().acceptHttp(device, request.body as Buffer);
          return reply.code(202).send(result);
        } catch (error) {
          if (error instanceof PayloadRejected) throw rejected(error);
          throw error;
        }
      },
    );
  });

  app.get(
    '/api/v1/iot/ingestion/stats',
    {
      config: { access: { roles: ['system_admin'], scopes: ['iot:read'] } },
      schema: {
        tags: ['iot'],
        summary: 'Ingestion counters since the process started: accepted, rejected by reason, throttled, duplicates, batches, journal',
        response: { 200: IngestionStatsSchema },
      },
    },
    async () => deps.ingestor().stats(),
  );
}
