import {
  checkRoomCode,
  checkSyncRequest,
  ERROR_CODES,
  EVENTS,
  isErrorCode,
  LuckyError,
  parseWireName,
  type ResponseMessage,
  type SyncRequestMessage,
  validateInput,
} from '@luckystack/core';
import type { Socket } from 'socket.io';
import { admit } from './admit';
import type { CompiledSync } from './compileRoutes';
import type { LuckyServer } from './LuckyServer';
import { internalError } from './runApi';

type Refusal = { status: 'error'; message?: unknown; errorCode?: unknown };

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { status?: unknown }).status === 'error';
}

function refusalError(refusal: Refusal): LuckyError {
  const code = isErrorCode(refusal.errorCode) ? refusal.errorCode : ERROR_CODES.BAD_REQUEST;
  const message = typeof refusal.message === 'string' ? refusal.message : 'Refused by the server handler';
  return new LuckyError(code, message);
}

/** Checks the receiver against the sender's rooms and the config; returns the error to answer, if any. */
function receiverProblem(server: LuckyServer, socket: Socket, receiver: string): LuckyError | undefined {
  if (receiver === 'all') {
    return server.config.sync.allowAll
      ? undefined
      : new LuckyError(ERROR_CODES.FORBIDDEN, 'Syncing to "all" is switched off (config.sync.allowAll)');
  }
  const room = checkRoomCode(receiver);
  if (!room.ok) return room.error;
  if (server.config.sync.requireRoomMembership && !socket.rooms.has(receiver)) {
    return new LuckyError(ERROR_CODES.FORBIDDEN, `Join room "${receiver}" before syncing to it`);
  }
  return undefined;
}

/** Sends the delivery to every receiver; with a `_client` handler, once per receiver with its session. */
async function fanOut(
  server: LuckyServer,
  socket: Socket,
  route: CompiledSync,
  request: SyncRequestMessage,
  clientData: unknown,
  serverOutput: unknown,
): Promise<number> {
  const { io } = server;
  const excluded = request.ignoreSelf ? socket.id : [];
  const target = request.receiver === 'all' ? io.except(excluded) : io.to(request.receiver).except(excluded);
  if (!route.client) {
    // Deliver first: counting the receivers can take a round trip to the other nodes.
    (request.volatile ? target.volatile : target).emit(EVENTS.sync, {
      name: route.key,
      clientData,
      serverOutput,
    });
    return server.countReceivers(request.receiver, request.ignoreSelf ? socket.id : undefined);
  }
  const receivers = await target.fetchSockets();
  const sessions = await server.sessionsOf(
    receivers.map((receiver) => receiver.data.token as string | undefined),
  );
  const client = route.client as (args: unknown) => unknown;
  let delivered = 0;
  await Promise.all(
    receivers.map(async (receiver, index) => {
      try {
        const user = sessions[index] ?? null;
        const shaped = await client({ clientData, serverOutput, user, roomCode: request.receiver });
        if (isRefusal(shaped)) return;
        const { status: _, ...data } = (shaped ?? {}) as Record<string, unknown>;
        receiver.emit(EVENTS.sync, { name: route.key, clientData: data, serverOutput });
        delivered++;
      } catch (error) {
        server.logger.error(`LuckyStack: sync "${route.key}" _client handler failed`, error);
      }
    }),
  );
  return delivered;
}

async function runSync(
  server: LuckyServer,
  socket: Socket,
  request: SyncRequestMessage,
): Promise<ResponseMessage> {
  let route = server.routes.syncByWireName.get(request.name);
  if (!route) {
    const key = parseWireName('sync', request.name);
    if (!key.ok) return key.error.toResponse();
    route = server.routes.sync.get(key.value);
  }
  if (!route) return new LuckyError(ERROR_CODES.NOT_FOUND, `No sync named "${request.name}"`).toResponse();
  const problem = receiverProblem(server, socket, request.receiver);
  if (problem) return problem.toResponse();
  const token = socket.data.token as string | undefined;
  const session = token ? await server.sessions.get(token) : null;
  const allowed = route.checkAuth(session);
  if (!allowed.ok) return allowed.error.toResponse();
  const input = await validateInput(route.schema, request.data, server.config.enableZodValidation);
  if (!input.ok) return input.error.toResponse();
  let serverOutput: unknown = null;
  if (route.server) {
    const main = route.server as (args: unknown) => unknown;
    try {
      serverOutput = await main({
        clientData: input.value,
        user: session,
        functions: server.stateOf(socket)?.functions,
        roomCode: request.receiver,
      });
    } catch (error) {
      return internalError(server.logger, `sync "${route.key}" _server handler`, error);
    }
    if (isRefusal(serverOutput)) return refusalError(serverOutput).toResponse();
    serverOutput ??= null;
  }
  const delivered = await fanOut(server, socket, route, request, input.value, serverOutput);
  return { status: 'success', result: { delivered } };
}

/**
 * Answers one `sync` request: envelope → name → route → receiver rules → session → auth → schema →
 * `_server` → fan-out (through `_client` per receiver when there is one) → `syncResponse-{responseIndex}`.
 * Syncs from one socket are handled one after another, so receivers see them in the order sent.
 */
export function handleSyncRequest(server: LuckyServer, socket: Socket, payload: unknown): void {
  const admitted = admit(server, socket, 'sync', checkSyncRequest(payload));
  if (!admitted) return;
  const { request, state, reply } = admitted;
  state.syncQueue = state.syncQueue
    .then(() => runSync(server, socket, request))
    .catch((error: unknown) => internalError(server.logger, 'sync', error))
    .then(reply);
}
