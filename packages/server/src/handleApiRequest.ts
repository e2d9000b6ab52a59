import {
  type ApiRequestMessage,
  checkApiRequest,
  ERROR_CODES,
  isBuiltInApi,
  LuckyError,
  parseWireName,
  type ResponseMessage,
} from '@luckystack/core';
import type { Socket } from 'socket.io';
import { admit } from './admit';
import { BUILT_IN_ROUTES } from './builtIns';
import type { CompiledApi } from './compileRoutes';
import type { LuckyServer, SocketState } from './LuckyServer';
import { internalError, runApi } from './runApi';
import { runOnce } from './runOnce';

function lookup(server: LuckyServer, name: string): CompiledApi | LuckyError {
  // A registered route's wire name was checked when it was compiled; only unknown names need parsing.
  const known = server.routes.apiByWireName.get(name);
  if (known) return known;
  if (isBuiltInApi(name)) return BUILT_IN_ROUTES.get(name)!;
  const key = parseWireName('api', name);
  if (!key.ok) return key.error;
  return server.routes.api.get(key.value) ?? new LuckyError(ERROR_CODES.NOT_FOUND, `No API named "${name}"`);
}

/**
 * Answers one `apiRequest`: envelope check → name → route → session → auth → validation → `main`, then
 * `apiResponse-{responseIndex}`. Never throws; a payload without a usable responseIndex cannot be
 * answered and is only logged.
 */
export async function handleApiRequest(server: LuckyServer, socket: Socket, payload: unknown): Promise<void> {
  const admitted = admit(server, socket, 'api', checkApiRequest(payload));
  if (!admitted) return;
  const { request, state, reply } = admitted;
  const { idempotencyKey } = request;
  if (idempotencyKey === undefined) return reply(await answer(server, socket, request, state));
  const scope = (socket.data.token as string | undefined) ?? 'anonymous';
  const run = () => answer(server, socket, request, state);
  reply(
    await runOnce(`${scope}:${idempotencyKey}`, run, {
      store: server.idempotency,
      ...server.config.idempotency,
      logger: server.logger,
    }).catch((error: unknown) => internalError(server.logger, `api "${request.name}"`, error)),
  );
}

/** The answer to one call: route → session → auth → validation → `main`, every failure as an error answer. */
async function answer(
  server: LuckyServer,
  socket: Socket,
  request: ApiRequestMessage,
  state: SocketState,
): Promise<ResponseMessage> {
  try {
    const route = lookup(server, request.name);
    if (route instanceof LuckyError) return route.toResponse();
    const token = socket.data.token as string | undefined;
    const session = token ? await server.sessions.get(token) : null;
    return await runApi({
      route,
      data: request.data,
      session,
      functions: state.functions,
      validate: server.config.enableZodValidation,
      logger: server.logger,
      idempotencyKey: request.idempotencyKey,
    });
  } catch (error) {
    return internalError(server.logger, `api "${request.name}"`, error);
  }
}
