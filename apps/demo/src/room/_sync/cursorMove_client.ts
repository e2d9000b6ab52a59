import type { SyncClientArgs } from '@luckystack/server';
import type { z } from 'zod';
import type { schema, main as server } from './cursorMove_server';

/**
 * Runs once per receiver: skips the sender's own other tabs (`ignoreSelf` only skips the sending socket),
 * everyone else gets the position.
 */
export const main = ({
  clientData,
  serverOutput,
  user,
}: SyncClientArgs<z.output<typeof schema>, ReturnType<typeof server>>) =>
  user?.id === serverOutput.userId
    ? { status: 'error' as const }
    : { status: 'success' as const, ...clientData };
