import {
  checkRoomCode,
  checkRoomRequest,
  ERROR_CODES,
  INTERNAL_ROOM_PREFIX,
  LuckyError,
  pathSegments,
  responseEvent,
} from '@luckystack/core';
import type { Socket } from 'socket.io';
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
  const checked = checkRoomRequest(payload);
  if (!checked.ok) {
    if (checked.responseIndex !== undefined) {
      socket.emit(responseEvent('room', checked.responseIndex), checked.error.toResponse());
    }
    return;
  }
  const answer = responseEvent('room', checked.value.responseIndex);
  const room = checkRoomCode(checked.value.room);
  if (!room.ok) {
    socket.emit(answer, room.error.toResponse());
    return;
  }
  try {
    if (action === 'leave') {
      await socket.leave(room.value);
    } else if (!socket.rooms.has(room.value)) {
      const max = server.config.limits.maxRoomsPerSocket;
      if (userRoomCount(socket) >= max) {
        socket.emit(
          answer,
          new LuckyError(ERROR_CODES.RATE_LIMITED, `At most ${max} rooms per socket`).toResponse(),
        );
        return;
      }
      await socket.join(room.value);
    }
    socket.emit(answer, { status: 'success', result: true });
  } catch (error) {
    server.logger.error(`LuckyStack: ${action} room failed`, error);
    socket.emit(answer, LuckyError.from(error).toResponse());
  }
}

/** Stores the page a socket is on (`socket.data.location`, visible to every node); bad paths are ignored. */
export function handleUpdateLocation(socket: Socket, path: unknown): void {
  const segments = pathSegments(path as string);
  if (segments.ok) socket.data.location = `/${segments.value.join('/')}`;
}
