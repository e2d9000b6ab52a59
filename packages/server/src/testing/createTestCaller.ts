import {
  type ApiCallInput,
  type ApiCallOutput,
  type ApiName,
  ERROR_CODES,
  isBuiltInApi,
  LuckyError,
  type ResponseMessage,
  resolveRouteName,
  type SessionLayout,
} from '@luckystack/core';
import { BUILT_IN_ROUTES } from '../builtIns';
import { compileRoutes } from '../compileRoutes';
import { type LuckyConfigInput, resolveConfig } from '../config';
import { runApi } from '../runApi';
import type { AppContext, HandlerFunctions, Logger, RouteTable } from '../types';

/** Options of {@link createTestCaller}. */
export interface TestCallerOptions<T extends RouteTable> {
  routes: T;
  context?: AppContext;
  config?: LuckyConfigInput;
  /** Receives what the server would log. @defaultValue `console` */
  logger?: Logger;
}

/** Per-call options of a test caller. */
export interface TestCallOptions {
  /** The caller's session; omitted or null for an anonymous caller. */
  session?: SessionLayout | null;
}

/** Runs routes through the server's pipeline (auth, validation, `main`) with no sockets. */
export interface TestCaller<T extends RouteTable> {
  /** Calls `name` (a route key, `/page/name`, or a built-in) and returns the wire answer. */
  call: <N extends ApiName<T>>(
    name: N,
    data?: ApiCallInput<T, N>,
    options?: TestCallOptions,
  ) => Promise<ResponseMessage<ApiCallOutput<T, N>>>;
  /** The session the last call left behind (after `login`, `saveSession` or `logout` in a handler). */
  readonly session: SessionLayout | null;
}

/**
 * A caller for unit-testing handlers: the same pipeline as over the wire, with a given session and data.
 * Session helpers act on the caller's in-memory session.
 */
export function createTestCaller<T extends RouteTable>(options: TestCallerOptions<T>): TestCaller<T> {
  const { api } = compileRoutes(options.routes);
  const config = resolveConfig(options.config);
  const logger = options.logger ?? console;
  let current: SessionLayout | null = null;
  const functions: HandlerFunctions = {
    ...(options.context ?? ({} as AppContext)),
    login: async (session) => {
      current = session;
      return 'test-token';
    },
    saveSession: async (session) => {
      if (!current) throw new LuckyError(ERROR_CODES.UNAUTHORIZED, 'The session has ended');
      current = session;
    },
    updateSession: async (update) => {
      if (!current) throw new LuckyError(ERROR_CODES.UNAUTHORIZED, 'The session has ended');
      current = update(current);
      return current;
    },
    logout: async () => {
      current = null;
    },
  };
  return {
    get session() {
      return current;
    },
    async call(name, data, callOptions = {}) {
      current = callOptions.session ?? null;
      const key = isBuiltInApi(name) ? { ok: true as const, value: name } : resolveRouteName(name, '/');
      if (!key.ok) return key.error.toResponse();
      const route = isBuiltInApi(name) ? BUILT_IN_ROUTES.get(name) : api.get(key.value);
      if (!route) return new LuckyError(ERROR_CODES.NOT_FOUND, `No API named "${name}"`).toResponse();
      const response = await runApi({
        route,
        data: (data ?? {}) as Record<string, unknown>,
        session: current,
        functions,
        validate: config.enableZodValidation,
        logger,
      });
      return response as ResponseMessage<never>;
    },
  };
}
