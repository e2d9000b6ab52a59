/**
 * Whether a browser on `origin` may open a connection to a server reached as `host` (cross-site WebSocket
 * hijacking is a page on another site connecting with the user's cookies). No Origin header means no
 * browser, so nothing to hijack; otherwise the origin must be listed in `allowed` (`'*'` allows all), or,
 * with no list, be the same origin as the server.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[] | undefined,
): boolean {
  if (origin === undefined) return true;
  if (allowed) return allowed.includes('*') || allowed.includes(origin);
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
