import { ERROR_CODES, type ResponseMessage } from '@luckystack/core';
import { defineApi, defineRoutes } from '@luckystack/server';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';

const routes = defineRoutes({
  api: {
    'test/getData': defineApi({ auth: { login: false }, main: () => ({ value: 42 }) }),
    'test/inspect': defineApi({
      auth: { login: false },
      main: ({ data }: { data: Record<string, unknown> }) => ({
        keys: Object.keys(data),
        polluted: ({} as Record<string, unknown>).admin === true,
      }),
    }),
  },
});

let harness: Harness;
let socket: Socket;
beforeEach(async () => {
  harness = await startServer({ routes });
  socket = await harness.connectRaw();
});
afterEach(() => harness.close());

/** Sends `payload` as an apiRequest by hand and waits for `apiResponse-{index}`. */
function request(payload: unknown, index: number): Promise<ResponseMessage> {
  return new Promise((resolve) => {
    socket.once(`apiResponse-${index}`, resolve);
    socket.emit('apiRequest', payload);
  });
}

describe('the wire protocol, spoken by a plain socket.io-client', () => {
  it("answers the spec's example on apiResponse-42", async () => {
    const answer = await request({ name: 'api/test/getData', data: {}, responseIndex: 42 }, 42);
    expect(answer).toEqual({ status: 'success', result: { value: 42 } });
  });

  it('answers the bare built-in names', async () => {
    expect(await request({ name: 'session', data: {}, responseIndex: 1 }, 1)).toEqual({
      status: 'success',
      result: null,
    });
  });

  it.each([
    ['name not a string', { name: 5, data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['data an array', { name: 'api/test/getData', data: [], responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['data a string', { name: 'api/test/getData', data: 'x', responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['name constructor', { name: 'constructor', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['name __proto__', { name: '__proto__', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['api/__proto__', { name: 'api/__proto__', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['api/constructor', { name: 'api/constructor', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['traversal', { name: '../x', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    [
      'api traversal',
      { name: 'api/test/../test/getData', data: {}, responseIndex: 7 },
      ERROR_CODES.BAD_REQUEST,
    ],
    ['encoded traversal', { name: 'api/%2e%2e/x', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['NUL', { name: 'api/test/get\0Data', data: {}, responseIndex: 7 }, ERROR_CODES.BAD_REQUEST],
    ['unknown route', { name: 'api/test/missing', data: {}, responseIndex: 7 }, ERROR_CODES.NOT_FOUND],
    ['toString', { name: 'api/toString', data: {}, responseIndex: 7 }, ERROR_CODES.NOT_FOUND],
    [
      '10 KB name',
      { name: `api/${'a'.repeat(10_000)}`, data: {}, responseIndex: 7 },
      ERROR_CODES.BAD_REQUEST,
    ],
  ])('answers %s with an error and keeps serving', async (_, payload, code) => {
    const answer = await request(payload, 7);
    expect(answer).toMatchObject({ status: 'error', errorCode: code, message: expect.any(String) });
    expect(await request({ name: 'api/test/getData', data: {}, responseIndex: 8 }, 8)).toMatchObject({
      status: 'success',
    });
  });

  it.each([
    ['null payload', null],
    ['a string payload', 'apiRequest'],
    ['an array payload', [1, 2]],
    ['a huge responseIndex', { name: 'api/test/getData', data: {}, responseIndex: 2 ** 60 }],
    ['a negative responseIndex', { name: 'api/test/getData', data: {}, responseIndex: -1 }],
    ['no responseIndex', { name: 'api/test/getData', data: {} }],
  ])('drops %s it cannot answer, and keeps serving', async (_, payload) => {
    socket.emit('apiRequest', payload);
    expect(await request({ name: 'api/test/getData', data: {}, responseIndex: 3 }, 3)).toMatchObject({
      status: 'success',
    });
    expect(socket.connected).toBe(true);
  });

  it('passes a __proto__ key in data as plain data, without polluting anything', async () => {
    const answer = await request(
      { name: 'api/test/inspect', data: JSON.parse('{"__proto__":{"admin":true}}'), responseIndex: 4 },
      4,
    );
    expect(answer).toEqual({ status: 'success', result: { keys: ['__proto__'], polluted: false } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers missing data as an empty object', async () => {
    expect(await request({ name: 'api/test/inspect', responseIndex: 5 }, 5)).toEqual({
      status: 'success',
      result: { keys: [], polluted: false },
    });
  });
});
