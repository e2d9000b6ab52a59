import { ERROR_CODES, LuckyError, type ValidationIssue } from './errors';
import type { Result } from './result';
import type { StandardIssue, StandardSchema } from './schema';

/** Whether `value` implements the Standard Schema interface (a Zod 3.24+/4 schema does). */
export function isStandardSchema(value: unknown): value is StandardSchema {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const standard = (value as Partial<StandardSchema>)['~standard'];
  return typeof standard === 'object' && standard !== null && typeof standard.validate === 'function';
}

function toIssue(issue: StandardIssue): ValidationIssue {
  const path = (issue.path ?? []).map((segment) => {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    return typeof key === 'number' ? key : String(key);
  });
  return { path, message: issue.message };
}

/**
 * Validates `data` against `schema`. A failure becomes INVALID_INPUT carrying the issue list; a schema that
 * throws becomes INTERNAL. With `enabled: false` (the spec's `enableZodValidation`) data passes unchanged.
 */
export async function validateInput<Output>(
  schema: StandardSchema<unknown, Output> | undefined,
  data: unknown,
  enabled = true,
): Promise<Result<Output>> {
  if (!schema || !enabled) return { ok: true, value: data as Output };
  let outcome: Awaited<ReturnType<StandardSchema<unknown, Output>['~standard']['validate']>>;
  try {
    outcome = await schema['~standard'].validate(data);
  } catch (cause) {
    return { ok: false, error: new LuckyError(ERROR_CODES.INTERNAL, 'Schema validation failed', { cause }) };
  }
  if (outcome.issues) {
    return {
      ok: false,
      error: new LuckyError(ERROR_CODES.INVALID_INPUT, 'Invalid input', {
        issues: outcome.issues.map(toIssue),
      }),
    };
  }
  return { ok: true, value: outcome.value };
}
