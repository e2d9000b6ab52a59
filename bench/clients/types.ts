import type { DeliveryData, EchoData } from '../lib/fixtures';

/** Which route an RPC call goes to: the bare handler, or auth rules + Zod (the realistic path). */
export type RpcRoute = 'echo' | 'secure';

/** Where and as whom a client connects. */
export interface ConnectOptions {
  /** `http://127.0.0.1:{port}`. */
  url: string;
  /** A seeded session's token (see `tokenFor`), sent in the handshake. */
  token?: string;
  /** The sync a LuckyStack sender sends: without (`room`) or with (`roomShaped`) a `_client` handler. */
  sync?: 'room' | 'roomShaped';
}

/** One client connection, as the load generators drive it. Each comparator implements what it supports. */
export interface BenchConnection {
  /** One RPC round trip; resolves false when the server answered with an error. */
  call: (route: RpcRoute, data: EchoData) => Promise<boolean>;
  /** Joins the fan-out room. */
  join?: (room: string) => Promise<void>;
  /** Calls `listener` with every fan-out delivery's `clientData`. */
  onDelivery?: (listener: (data: DeliveryData) => void) => void;
  /** Sends one fan-out to the room (the sender excluded); resolves false when the server refused it. */
  broadcast?: (room: string, data: DeliveryData) => Promise<boolean>;
  close: () => void;
}

/** Opens one connection of a comparator. */
export type Connect = (options: ConnectOptions) => Promise<BenchConnection>;
