import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type AuthProps,
  type ErrorCode,
  type ErrorResponse,
  type InferInput,
  type InferOutput,
  type ReconnectingStatus,
  type ResponseMessage,
  type Result,
  responseEvent,
  type SelfStatus,
  type ServerToClientEvents,
  type SocketStatus,
  type SocketStatusEntry,
  type StandardSchema,
  type SuccessResponse,
  validateInput,
} from '../index';

const schema = z.object({
  age: z.string().transform((value) => Number(value)),
  email: z.email(),
});

describe('schema inference', () => {
  it('reads input and output types from a zod schema', () => {
    expectTypeOf<InferInput<typeof schema>>().toEqualTypeOf<{ age: string; email: string }>();
    expectTypeOf<InferOutput<typeof schema>>().toEqualTypeOf<{ age: number; email: string }>();
  });

  it('accepts a zod schema where a StandardSchema is expected', () => {
    expectTypeOf(schema).toExtend<
      StandardSchema<{ age: string; email: string }, { age: number; email: string }>
    >();
    expectTypeOf(validateInput(schema, {})).resolves.toEqualTypeOf<Result<{ age: number; email: string }>>();
  });

  it('gives never for something that is not a schema', () => {
    expectTypeOf<InferInput<{ parse: () => void }>>().toBeNever();
    expectTypeOf<InferOutput<string>>().toBeNever();
  });
});

describe('ErrorCode', () => {
  it('is the union of the ten codes', () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<
      | 'BAD_REQUEST'
      | 'UNAUTHORIZED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'INVALID_INPUT'
      | 'TIMEOUT'
      | 'DISCONNECTED'
      | 'RATE_LIMITED'
      | 'PAYLOAD_TOO_LARGE'
      | 'INTERNAL'
    >();
  });
});

describe('discriminated unions', () => {
  it('narrows ResponseMessage on status', () => {
    const response = {} as ResponseMessage<number>;
    if (response.status === 'success') {
      expectTypeOf(response).toEqualTypeOf<SuccessResponse<number>>();
      expectTypeOf(response.result).toEqualTypeOf<number>();
    } else {
      expectTypeOf(response).toEqualTypeOf<ErrorResponse>();
      expectTypeOf(response.errorCode).toEqualTypeOf<ErrorCode>();
    }
  });

  it('narrows SocketStatusEntry on status', () => {
    const entry = {} as SocketStatusEntry;
    if (entry.status === 'RECONNECTING') {
      expectTypeOf(entry).toEqualTypeOf<ReconnectingStatus>();
      expectTypeOf(entry.reconnectAttempt).toEqualTypeOf<number>();
    }
    if (entry.status === 'DISCONNECTED') {
      expectTypeOf(entry.endTime).toEqualTypeOf<number | undefined>();
    }
    expectTypeOf(entry).not.toHaveProperty('reconnectAttempt');
  });

  it('types SocketStatus as self plus one entry per peer', () => {
    expectTypeOf<SocketStatus['self']>().toEqualTypeOf<SelfStatus>();
    expectTypeOf<SocketStatus['self']['queued']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SocketStatus['user-42']>().toEqualTypeOf<SocketStatusEntry>();
  });

  it('narrows Result on ok', () => {
    const result = {} as Result<string>;
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<string>();
      expectTypeOf(result).not.toHaveProperty('error');
    } else {
      expectTypeOf(result.error.code).toEqualTypeOf<ErrorCode>();
      expectTypeOf(result).not.toHaveProperty('value');
    }
  });
});

describe('events', () => {
  it('types responseEvent by kind', () => {
    expectTypeOf(responseEvent('api', 1)).toEqualTypeOf<`apiResponse-${number}`>();
    expectTypeOf(responseEvent('sync', 1)).toEqualTypeOf<`syncResponse-${number}`>();
    expectTypeOf(responseEvent('room', 1)).toEqualTypeOf<`roomResponse-${number}`>();
    // @ts-expect-error: only api, sync and room are answered
    responseEvent('chat', 1);
  });

  it('lists every response event in ServerToClientEvents', () => {
    expectTypeOf<ServerToClientEvents['apiResponse-3']>().toEqualTypeOf<
      (response: ResponseMessage) => void
    >();
    expectTypeOf<ServerToClientEvents>().toHaveProperty(responseEvent('room', 9));
    expectTypeOf<ServerToClientEvents['updateSession']>().parameters.toEqualTypeOf<[session: string]>();
  });
});

describe('AuthProps', () => {
  it('accepts the spec patterns', () => {
    expectTypeOf({ login: false }).toExtend<AuthProps>();
    expectTypeOf({
      login: true,
      additional: [
        { key: 'admin', value: true },
        { key: 'email', nullish: false },
        { key: 'name', type: 'string' },
        { key: 'avatar', mustBeFalsy: false },
      ],
    } as const).toExtend<AuthProps>();
  });

  it('refuses malformed policies', () => {
    // @ts-expect-error: login must be a boolean
    const yes: AuthProps = { login: 'yes' };
    // @ts-expect-error: login is required
    const missing: AuthProps = { additional: [] };
    // @ts-expect-error: function is not an AuthValueType
    const fn: AuthProps = { login: true, additional: [{ key: 'a', type: 'function' }] };
    // @ts-expect-error: nullish must be a boolean
    const no: AuthProps = { login: true, additional: [{ key: 'a', nullish: 'no' }] };
    expectTypeOf([yes, missing, fn, no]).items.toEqualTypeOf<AuthProps>();
  });
});
