import {
  checkRoomCode,
  checkRoomRequest,
  ERROR_CODES,
  INTERNAL_ROOM_PREFIX,
  LuckyError,
  pathSegments,
} from '@luckystack/core';
import type { Socket } from 'socket.io';
import { admit } from './admit';
import type { LuckyServer } from './LuckyServer';

/** How many user rooms `socket` is in (its own id room and internal rooms do not count). */
export function userRoomCount(socket: Socket): number {
  let count = 0;
  for (const room of socket.rooms) if (room !== socket.id && !room.startsWith(INTERNAL_ROOM_PREFIX)) count++;
  return count;
}

/** Answers `joinRoom` / `leaveRoom` on `roomResponse-{responseIndex}` with `true`, or a typed error. */
export async function handleRoomRequest(
  server: LuckyServer,
  socket: Socket,
  action: 'join' | 'leave',
  payload: unknown,
): Promise<void> {
  const admitted = admit(server, socket, 'room', checkRoomRequest(payload));
  if (!admitted) return;
  const { request, reply } = admitted;
  const room = checkRoomCode(request.room);
  if (!room.ok) return reply(room.error.toResponse());
  try {
    if (action === 'leave') {
      await socket.leave(room.value);
    } else if (!socket.rooms.has(room.value)) {
      const max = server.config.limits.maxRoomsPerSocket;
      if (userRoomCount(socket) >= max) {
        return reply(
          new LuckyError(ERROR_CODES.RATE_LIMITED, `At most ${max} rooms per socket`).toResponse(),
        );
      }
      await socket.join(room.value);
    }
    reply({ status: 'success', result: true });
  } catch (error) {
    server.logger.error(`LuckyStack: ${action} room failed`, error);
    reply(LuckyError.from(error).toResponse());
  }
}

/** Stores the page a socket is on (`socket.data.location`, visible to every node); bad paths are ignored. */
export function handleUpdateLocation(socket: Socket, path: unknown): void {
  const segments = pathSegments(path as string);
  if (segments.ok) socket.data.location = `/${segments.value.join('/')}`;
}
