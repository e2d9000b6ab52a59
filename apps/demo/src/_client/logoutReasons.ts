/** Why the login page is shown, by the `?reason=` it was sent with (a Map: the reason comes from the URL). */
export const LOGOUT_REASONS: ReadonlyMap<string, string> = new Map([
  ['session-replaced', 'You were signed in elsewhere. Signing in here again signs the other tab out.'],
  ['logout', 'You signed out in another tab.'],
  ['expired', 'Your session expired. Sign in again.'],
  [
    'session-ended',
    'The server no longer knows your session: it restarted, and sessions live in its memory unless REDIS_URL is set.',
  ],
  ['signed-out', 'Signed out. See you soon.'],
]);
