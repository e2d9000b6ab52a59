import { ERROR_CODES, LuckyError } from './errors';
import type { ApiRequestMessage, RoomRequestMessage, SyncRequestMessage } from './protocol';

/** The outcome of an envelope check: the typed message, or an error and (when readable) whom to answer. */
export type EnvelopeResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: LuckyError; responseIndex: number | undefined };

/** Whether `value` is a plain object (`{}` or `Object.create(null)`), not an array, class instance or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Longest accepted idempotency key. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]+$/;

/** Whether `value` can be an idempotency key: 1–128 letters, digits, `-` or `_` (a UUID fits). */
export function isIdempotencyKey(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= MAX_IDEMPOTENCY_KEY_LENGTH && IDEMPOTENCY_KEY.test(value)
  );
}

/** Whether `value` can be a `responseIndex`: a safe, non-negative integer. */
export function isResponseIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

type Fields = Record<string, unknown>;

/** Checks what every request shares; the caller picks the remaining fields from `fields`. */
function checkCommon(payload: unknown, kind: string): EnvelopeResult<Fields> {
  if (!isPlainObject(payload)) {
    return fail(`${kind} must be an object`, undefined);
  }
  const responseIndex = own(payload, 'responseIndex');
  if (!isResponseIndex(responseIndex)) {
    return fail('responseIndex must be a non-negative safe integer', undefined);
  }
  return { ok: true, value: payload };
}

function fail(message: string, responseIndex: number | undefined): { ok: false } & EnvelopeResult<never> {
  return { ok: false, error: new LuckyError(ERROR_CODES.BAD_REQUEST, message), responseIndex };
}

/** Checks `name` and `data` (a missing `data` reads as `{}`). */
function checkNameAndData(
  fields: Fields,
  responseIndex: number,
): EnvelopeResult<{ name: string; data: Record<string, unknown> }> {
  const name = own(fields, 'name');
  if (typeof name !== 'string') return fail('name must be a string', responseIndex);
  const raw = own(fields, 'data');
  const data = raw === undefined ? {} : raw;
  if (!isPlainObject(data)) return fail('data must be a plain object', responseIndex);
  return { ok: true, value: { name, data } };
}

/**
 * Runs a check so that nothing escapes it: a payload built in-process (a Proxy, a throwing getter) is
 * refused like any other wrong shape. Payloads off the wire are plain JSON and never take this path.
 */
function guarded<T>(check: (payload: unknown) => EnvelopeResult<T>): (payload: unknown) => EnvelopeResult<T> {
  return (payload) => {
    try {
      return check(payload);
    } catch {
      return fail('payload could not be read', undefined);
    }
  };
}

function apiRequest(payload: unknown): EnvelopeResult<ApiRequestMessage> {
  const common = checkCommon(payload, 'apiRequest');
  if (!common.ok) return common;
  const responseIndex = common.value.responseIndex as number;
  const body = checkNameAndData(common.value, responseIndex);
  if (!body.ok) return body;
  const idempotencyKey = own(common.value, 'idempotencyKey');
  if (idempotencyKey === undefined) return { ok: true, value: { ...body.value, responseIndex } };
  if (!isIdempotencyKey(idempotencyKey)) {
    return fail(
      `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} letters, digits, "-" or "_"`,
      responseIndex,
    );
  }
  return { ok: true, value: { ...body.value, responseIndex, idempotencyKey } };
}

function syncRequest(payload: unknown): EnvelopeResult<SyncRequestMessage> {
  const common = checkCommon(payload, 'sync');
  if (!common.ok) return common;
  const responseIndex = common.value.responseIndex as number;
  const body = checkNameAndData(common.value, responseIndex);
  if (!body.ok) return body;
  const receiver = own(common.value, 'receiver');
  if (typeof receiver !== 'string') return fail('receiver must be a string', responseIndex);
  const ignoreSelf = own(common.value, 'ignoreSelf') ?? false;
  if (typeof ignoreSelf !== 'boolean') return fail('ignoreSelf must be a boolean', responseIndex);
  const volatile = own(common.value, 'volatile') ?? false;
  if (typeof volatile !== 'boolean') return fail('volatile must be a boolean', responseIndex);
  const value = { ...body.value, receiver, ignoreSelf, responseIndex };
  return { ok: true, value: volatile ? { ...value, volatile } : value };
}

function roomRequest(payload: unknown): EnvelopeResult<RoomRequestMessage> {
  const common = checkCommon(payload, 'room request');
  if (!common.ok) return common;
  const responseIndex = common.value.responseIndex as number;
  const room = own(common.value, 'room');
  if (typeof room !== 'string') return fail('room must be a string', responseIndex);
  return { ok: true, value: { room, responseIndex } };
}

/** Checks the shape of an `apiRequest` payload without throwing, whatever it is. */
export const checkApiRequest = guarded(apiRequest);

/** Checks the shape of a `sync` payload without throwing, whatever it is. */
export const checkSyncRequest = guarded(syncRequest);

/** Checks the shape of a `joinRoom` / `leaveRoom` payload without throwing, whatever it is. */
export const checkRoomRequest = guarded(roomRequest);
