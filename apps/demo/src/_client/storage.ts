// What the browser keeps between visits. localStorage, not sessionStorage: a session belongs to the browser
// (every tab shares it), which is what makes "signing in elsewhere" a different browser or device.
const TOKEN = 'luckystack-demo:token';
const LAST_NAME = 'luckystack-demo:name';

/** The token this tab last held, so a kicked tab does not erase a newer token another tab stored. */
let held: string | null = localStorage.getItem(TOKEN);

/** The stored session token, sent in the handshake. */
export function readToken(): string | null {
  return localStorage.getItem(TOKEN);
}

/** Stores the token the server handed out, or forgets it (null) unless another tab has stored a newer one. */
export function saveToken(token: string | null): void {
  if (token !== null) localStorage.setItem(TOKEN, token);
  else if (localStorage.getItem(TOKEN) === held) localStorage.removeItem(TOKEN);
  held = token;
}

/** The name last used to log in, to prefill the login form. */
export function readLastName(): string {
  return localStorage.getItem(LAST_NAME) ?? '';
}

/** Remembers the name used to log in. */
export function saveLastName(name: string): void {
  localStorage.setItem(LAST_NAME, name);
}
