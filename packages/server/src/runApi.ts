import { type ErrorResponse, LuckyError, type ResponseMessage, validateInput } from '@luckystack/core';
import type { CompiledApi } from './compileRoutes';
import type { Logger } from './types';

/** One call of an API handler, as the socket listener and the test caller both make it. */
export interface ApiCall {
  route: CompiledApi;
  data: Record<string, unknown>;
  session: unknown;
  functions: unknown;
  validate: boolean;
  logger: Logger;
  /** The call's idempotency key, handed to `main` so its own effects can be made idempotent too. */
  idempotencyKey?: string | undefined;
}

/** Reports an unexpected error to the logger and returns the generic answer the caller gets. */
export function internalError(logger: Logger, where: string, error: unknown): ErrorResponse {
  const lucky = LuckyError.from(error);
  if (lucky.cause !== undefined || lucky.code === 'INTERNAL')
    logger.error(`LuckyStack: ${where} failed`, error);
  return lucky.toResponse();
}

/**
 * The handler pipeline after routing: auth rules → schema validation → `main`. Every failure becomes an
 * error answer; a handler that throws a {@link LuckyError} answers with it, anything else answers INTERNAL
 * with a generic message while the real error goes to the logger.
 */
export async function runApi(call: ApiCall): Promise<ResponseMessage> {
  const { route } = call;
  const allowed = route.checkAuth(call.session);
  if (!allowed.ok) return allowed.error.toResponse();
  let data: unknown = call.data;
  if (route.schema && call.validate) {
    const input = await validateInput(route.schema, call.data);
    if (!input.ok) return input.error.toResponse();
    data = input.value;
  }
  try {
    const main = route.main as (args: unknown) => unknown;
    let result = main({
      data,
      user: call.session ?? null,
      functions: call.functions,
      idempotencyKey: call.idempotencyKey,
    });
    // Awaiting only a promise spares a synchronous handler's answer a trip through the microtask queue.
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') result = await result;
    return { status: 'success', result: result ?? null };
  } catch (error) {
    return internalError(call.logger, `api "${route.key}"`, error);
  }
}
