/** Idle connections for the memory workload: opens `count` connections on request and keeps them open. */
import { CLIENTS, type ClientName } from '../clients/registry';
import type { BenchConnection } from '../clients/types';
import { answerRequests, sendEvent } from '../lib/childChannel';
import { tokenFor } from '../lib/fixtures';
import { openMany } from './openMany';

/** What the orchestrator passes in `BENCH_LOAD`. */
export interface IdleLoadConfig {
  client: ClientName;
  url: string;
  /** Log every connection in with a seeded session, from token index `tokenBase` on. */
  withSessions: boolean;
  tokenBase: number;
}

const config = JSON.parse(process.env.BENCH_LOAD!) as IdleLoadConfig;
const connections: BenchConnection[] = [];

answerRequests({
  connect: async ({ count }: { count: number }) => {
    const connect = CLIENTS[config.client];
    const base = config.tokenBase + connections.length;
    connections.push(
      ...(await openMany(count, (index) =>
        connect({ url: config.url, ...(config.withSessions && { token: tokenFor(base + index) }) }),
      )),
    );
  },
  stop: () => {
    for (const connection of connections) connection.close();
  },
});
sendEvent('ready');
