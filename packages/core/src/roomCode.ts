import { ERROR_CODES, LuckyError } from './errors';
import type { Result } from './result';

/** Prefix of the rooms LuckyStack uses itself (per token, per user); room codes may not start with it. */
export const INTERNAL_ROOM_PREFIX = 'lucky:';

/** Longest accepted room code, in characters. */
export const MAX_ROOM_CODE_LENGTH = 128;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(message: string): { ok: false; error: LuckyError } {
  return { ok: false, error: new LuckyError(ERROR_CODES.BAD_REQUEST, `Invalid room code: ${message}`) };
}

/**
 * Checks a room code a client asks to join, leave or sync to: a non-empty string of at most
 * {@link MAX_ROOM_CODE_LENGTH} characters, no control characters, not `'all'` (the broadcast receiver)
 * and not one of the library's internal rooms.
 */
export function checkRoomCode(room: unknown): Result<string> {
  if (typeof room !== 'string') return refuse('not a string');
  if (room === '') return refuse('empty');
  if (room.length > MAX_ROOM_CODE_LENGTH) return refuse(`longer than ${MAX_ROOM_CODE_LENGTH} characters`);
  if (CONTROL.test(room)) return refuse('control characters are not allowed');
  if (room === 'all') return refuse('"all" is the broadcast receiver, not a room');
  if (room.startsWith(INTERNAL_ROOM_PREFIX))
    return refuse(`the "${INTERNAL_ROOM_PREFIX}" prefix is reserved`);
  return { ok: true, value: room };
}
