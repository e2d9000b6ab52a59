const ROOM = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** The default room. */
export const DEFAULT_ROOM = 'lobby';

/** The room this tab is in: `?room=` when it is a plain code (`design-review`), else the lobby. */
export function roomFromUrl(): string {
  const requested = new URLSearchParams(location.search).get('room')?.toLowerCase() ?? '';
  return ROOM.test(requested) ? requested : DEFAULT_ROOM;
}

/** The query string that keeps `room` in links (empty for the lobby). */
export function roomQuery(room: string): string {
  return room === DEFAULT_ROOM ? '' : `?room=${room}`;
}
