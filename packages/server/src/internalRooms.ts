import { INTERNAL_ROOM_PREFIX } from '@luckystack/core';

/** The room holding every socket of one session token (so updates reach all its tabs, on every node). */
export function tokenRoom(token: string): string {
  return `${INTERNAL_ROOM_PREFIX}token:${token}`;
}

/** The room holding every socket of one user, whichever session. */
export function userRoom(userId: string): string {
  return `${INTERNAL_ROOM_PREFIX}user:${userId}`;
}
