import {
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
import type { LuckyServer } from './LuckyServer';
import { internalError, runApi } from './runApi';

function lookup(server: LuckyServer, name: string): CompiledApi | LuckyError {
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
  let response: ResponseMessage;
  try {
    const route = lookup(server, request.name);
    if (route instanceof LuckyError) {
      response = route.toResponse();
    } else {
      const token = socket.data.token as string | undefined;
      const session = token ? await server.sessions.get(token) : null;
      response = await runApi({
        route,
        data: request.data,
        session,
        functions: state.functions,
        validate: server.config.enableZodValidation,
        logger: server.logger,
      });
    }
  } catch (error) {
    response = internalError(server.logger, `api "${request.name}"`, error);
  }
  reply(response);
}
