/** The colours a user can pick; the login hands out one from the name, settings can change it. */
export const PALETTE = [
  '#6366f1',
  '#0ea5e9',
  '#14b8a6',
  '#22c55e',
  '#f59e0b',
  '#f43f5e',
  '#d946ef',
  '#64748b',
] as const;

/** One of the {@link PALETTE} colours. */
export type Color = (typeof PALETTE)[number];

/** What the demo keeps in a session; registered as the library's session type in `register.ts`. */
export interface DemoSession {
  /** Stable account id, from the name typed at login (`u:ada`); logging in with it again kicks the old tab. */
  id: string;
  /** Display name, editable in settings. */
  name: string;
  color: Color;
}

/** Longest display name. */
export const MAX_NAME_LENGTH = 24;

/**
 * The account id for a name typed at login: case and spacing do not make another user. Prefixed, so no
 * name can collide with the socket status's own `self` key.
 */
export function userIdFor(name: string): string {
  return `u:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** A colour picked from the name, so a new user gets the same one every time. */
export function colorFor(name: string): Color {
  let hash = 0;
  for (const char of userIdFor(name)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
