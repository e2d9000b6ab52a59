import type { DemoClient } from './createDemoClient';
import { readToken } from './storage';

/**
 * Resolves once the client's session is what the server says, not just the empty start value: at once
 * without a stored token, else after the first answer (the server pushes the session before answering).
 */
export async function sessionKnown(client: DemoClient): Promise<void> {
  if (readToken() === null) return;
  await client.apiRequest({ name: 'session' });
}
