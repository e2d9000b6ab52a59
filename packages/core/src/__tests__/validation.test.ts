import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isLuckyError, isStandardSchema, type StandardSchema, validateInput } from '../index';

const profile = z.object({
  email: z.email(),
  name: z
    .string()
    .min(1)
    .transform((name) => name.trim()),
  age: z.coerce.number().int().positive().optional(),
});

function schemaThatThrows(thrown: unknown): StandardSchema {
  return {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate: () => {
        throw thrown;
      },
    },
  };
}

describe('validateInput with zod', () => {
  it('returns the parsed output: transforms applied, unknown keys stripped', async () => {
    const result = await validateInput(profile, { email: 'a@b.co', name: '  Ann ', age: '3', admin: true });
    expect(result).toEqual({ ok: true, value: { email: 'a@b.co', name: 'Ann', age: 3 } });
  });

  it('answers invalid data with INVALID_INPUT and its issues', async () => {
    const result = await validateInput(profile, { email: 'not-an-email', name: 'Ann' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isLuckyError(result.error, 'INVALID_INPUT')).toBe(true);
    expect(result.error.issues).toEqual([{ path: ['email'], message: expect.any(String) }]);
    expect(result.error.toResponse().issues).toEqual(result.error.issues);
  });

  it('reports every issue, with nested paths and array indexes as numbers', async () => {
    const order = z.object({ items: z.array(z.object({ sku: z.string(), qty: z.number().positive() })) });
    const result = await validateInput(order, {
      items: [
        { sku: 'a', qty: 1 },
        { sku: 2, qty: -1 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((issue) => issue.path)).toEqual([
      ['items', 1, 'sku'],
      ['items', 1, 'qty'],
    ]);
    for (const issue of result.error.issues ?? []) expect(issue.message).toBeTypeOf('string');
  });

  it('reports a root issue with an empty path', async () => {
    const result = await validateInput(profile, 'not an object');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toEqual([]);
  });

  it('runs async refinements', async () => {
    const taken = new Set(['ann']);
    const signup = z.object({ user: z.string() }).refine(async ({ user }) => !taken.has(user), {
      message: 'Username taken',
      path: ['user'],
    });
    await expect(validateInput(signup, { user: 'bob' })).resolves.toEqual({
      ok: true,
      value: { user: 'bob' },
    });
    const refused = await validateInput(signup, { user: 'ann' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues).toEqual([{ path: ['user'], message: 'Username taken' }]);
  });
});

describe('validateInput without validation', () => {
  const data = { email: 'not-an-email', extra: true };

  it('passes data through unchanged when disabled', async () => {
    const result = await validateInput(profile, data, false);
    expect(result.ok && result.value).toBe(data);
  });

  it('passes data through unchanged without a schema', async () => {
    const result = await validateInput(undefined, data);
    expect(result.ok && result.value).toBe(data);
  });
});

describe('validateInput with a broken schema', () => {
  it('turns a throwing validate into INTERNAL, keeping the cause', async () => {
    const thrown = new Error('schema bug');
    const result = await validateInput(schemaThatThrows(thrown), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isLuckyError(result.error, 'INTERNAL')).toBe(true);
    expect(result.error.message).not.toContain('schema bug');
    expect(result.error.cause).toBe(thrown);
  });

  it('turns a rejecting validate into INTERNAL', async () => {
    const schema: StandardSchema = {
      '~standard': { version: 1, vendor: 'test', validate: () => Promise.reject(new Error('async bug')) },
    };
    const result = await validateInput(schema, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(isLuckyError(result.error, 'INTERNAL')).toBe(true);
  });

  it('turns a throwing zod transform into INTERNAL', async () => {
    const schema = z.string().transform(() => {
      throw new Error('transform bug');
    });
    const result = await validateInput(schema, 'x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(isLuckyError(result.error, 'INTERNAL')).toBe(true);
  });

  it('reads path segments given as { key } objects', async () => {
    const schema: StandardSchema = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({
          issues: [{ message: 'bad', path: [{ key: 'a' }, { key: 0 }, 'b', Symbol.for('c')] }],
        }),
      },
    };
    const result = await validateInput(schema, {});
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues).toEqual([{ path: ['a', 0, 'b', 'Symbol(c)'], message: 'bad' }]);
  });
});

describe('isStandardSchema', () => {
  it.each([z.string(), profile, z.array(z.number()), schemaThatThrows(null)])(
    'recognises a schema',
    (schema) => {
      expect(isStandardSchema(schema)).toBe(true);
    },
  );

  it.each([{}, null, undefined, 'z.string()', { '~standard': {} }, { '~standard': { validate: 'no' } }])(
    'refuses %o',
    (value) => {
      expect(isStandardSchema(value)).toBe(false);
    },
  );
});
