import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode, isErrorResponse, isLuckyError, LuckyError } from '../index';

const ALL_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_INPUT',
  'TIMEOUT',
  'DISCONNECTED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
];

describe('ERROR_CODES', () => {
  it('holds exactly the ten codes, each mapped to itself', () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...ALL_CODES].sort());
    for (const [key, value] of Object.entries(ERROR_CODES)) expect(value).toBe(key);
  });

  it.each(ALL_CODES)('isErrorCode(%j) is true', (code) => {
    expect(isErrorCode(code)).toBe(true);
  });

  it.each(['bad_request', 'toString', '__proto__', '', null, 42])('isErrorCode(%j) is false', (value) => {
    expect(isErrorCode(value)).toBe(false);
  });
});

describe('LuckyError', () => {
  it('carries name, code, message, cause and issues', () => {
    const cause = new Error('db down');
    const issues = [{ path: ['email'], message: 'Invalid email' }];
    const error = new LuckyError('INVALID_INPUT', 'Invalid input', { cause, issues });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LuckyError');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Invalid input');
    expect(error.cause).toBe(cause);
    expect(error.issues).toEqual(issues);
  });

  it('has no cause or issues unless given', () => {
    const error = new LuckyError('NOT_FOUND', 'No such route');
    expect('cause' in error).toBe(false);
    expect(error.issues).toBeUndefined();
  });

  describe('from', () => {
    it('hides the message of a foreign error but keeps it as cause', () => {
      const original = new Error('secret connection string');
      const error = LuckyError.from(original);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toBe('Internal server error');
      expect(error.message).not.toContain('secret');
      expect(JSON.stringify(error.toResponse())).not.toContain('secret');
      expect(error.cause).toBe(original);
    });

    it('returns a LuckyError as the same instance', () => {
      const error = new LuckyError('FORBIDDEN', 'Forbidden: admin must equal true');
      expect(LuckyError.from(error)).toBe(error);
    });

    it.each([
      ['a string', 'secret'],
      ['a number', 42],
      ['null', null],
      ['a plain object', { code: 'FORBIDDEN', message: 'forged' }],
      ['an error response', { status: 'error', message: 'forged', errorCode: 'FORBIDDEN' }],
    ])('turns %s into INTERNAL', (_label, thrown) => {
      const error = LuckyError.from(thrown);
      expect(isLuckyError(error, 'INTERNAL')).toBe(true);
      expect(error.message).toBe('Internal server error');
      expect(error.cause).toBe(thrown);
    });

    it('turns undefined into INTERNAL without a cause', () => {
      const error = LuckyError.from(undefined);
      expect(isLuckyError(error, 'INTERNAL')).toBe(true);
      expect(error.cause).toBeUndefined();
    });
  });

  describe('toResponse', () => {
    it('has the wire shape and nothing else', () => {
      const error = new LuckyError('FORBIDDEN', 'Forbidden', { cause: new Error('internal detail') });
      expect(error.toResponse()).toStrictEqual({
        status: 'error',
        message: 'Forbidden',
        errorCode: 'FORBIDDEN',
      });
    });

    it('adds issues when present', () => {
      const issues = [{ path: ['items', 0, 'name'], message: 'Required' }];
      const response = new LuckyError('INVALID_INPUT', 'Invalid input', { issues }).toResponse();
      expect(response).toStrictEqual({
        status: 'error',
        message: 'Invalid input',
        errorCode: 'INVALID_INPUT',
        issues,
      });
      expect(isErrorResponse(response)).toBe(true);
    });

    it('survives JSON', () => {
      const response = new LuckyError('TIMEOUT', 'No answer within 15000 ms').toResponse();
      expect(JSON.parse(JSON.stringify(response))).toStrictEqual(response);
    });
  });

  describe('fromResponse', () => {
    it('rebuilds the error a server sent', () => {
      const error = LuckyError.fromResponse({
        status: 'error',
        message: 'Login required',
        errorCode: 'UNAUTHORIZED',
      });
      expect(isLuckyError(error, 'UNAUTHORIZED')).toBe(true);
      expect(error.message).toBe('Login required');
      expect(error.issues).toBeUndefined();
    });

    it('round-trips through toResponse, issues included', () => {
      const issues = [{ path: ['email'], message: 'Invalid email' }];
      const original = new LuckyError('INVALID_INPUT', 'Invalid input', { issues });
      const rebuilt = LuckyError.fromResponse(original.toResponse());
      expect(rebuilt.toResponse()).toStrictEqual(original.toResponse());
    });
  });
});

describe('isLuckyError', () => {
  const error = new LuckyError('TIMEOUT', 'late');

  it('recognises a LuckyError of any code or of the given one', () => {
    expect(isLuckyError(error)).toBe(true);
    expect(isLuckyError(error, 'TIMEOUT')).toBe(true);
    expect(isLuckyError(error, 'DISCONNECTED')).toBe(false);
  });

  it.each([
    new Error('late'),
    { name: 'LuckyError', code: 'TIMEOUT', message: 'late' },
    error.toResponse(),
    null,
    'TIMEOUT',
  ])('refuses the look-alike %o', (value) => {
    expect(isLuckyError(value)).toBe(false);
    expect(isLuckyError(value, 'TIMEOUT')).toBe(false);
  });
});

describe('isErrorResponse', () => {
  it.each([
    { status: 'error', message: 'x', errorCode: 'NOT_FOUND' },
    { status: 'error', message: '', errorCode: 'INTERNAL', issues: [] },
    Object.assign(Object.create(null), { status: 'error', message: 'x', errorCode: 'TIMEOUT' }),
  ])('accepts %o', (value) => {
    expect(isErrorResponse(value)).toBe(true);
  });

  it.each(
    [
      null,
      undefined,
      'error',
      [],
      { status: 'success', result: 1 },
      { status: 'error', message: 'x' },
      { status: 'error', message: 'x', errorCode: 'TEAPOT' },
      { status: 'error', message: 42, errorCode: 'INTERNAL' },
      { status: 'ERROR', message: 'x', errorCode: 'INTERNAL' },
      { message: 'x', errorCode: 'INTERNAL' },
    ].map((value) => [value]),
  )('refuses %o', (value) => {
    expect(isErrorResponse(value)).toBe(false);
  });
});
