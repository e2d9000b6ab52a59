import { connectFeathers } from './feathers';
import { connectLucky } from './lucky';
import { connectSio, connectSioAck } from './sio';
import { connectTrpc } from './trpc';
import type { Connect } from './types';
import { connectWs } from './ws';

/** Every comparator's client, by the name the load generators are given. */
export const CLIENTS = {
  ws: connectWs,
  'sio-ack': connectSioAck,
  sio: connectSio,
  lucky: connectLucky,
  feathers: connectFeathers,
  trpc: connectTrpc,
} satisfies Record<string, Connect>;

/** A comparator's client name. */
export type ClientName = keyof typeof CLIENTS;
