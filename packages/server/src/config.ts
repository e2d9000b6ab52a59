import { DEFAULT_GRACE_TIMES, type GraceTimes } from '@luckystack/core';

/** The server's settings; every field has a default. */
export interface LuckyConfig {
  /** How long a session lives. @defaultValue 7 */
  sessionExpiryDays: number;
  /** Whether one user may hold several sessions; false ends the others at login. @defaultValue false */
  allowMultipleSessions: boolean;
  /** A cookie to read the session token from when the handshake's `auth.token` is absent. @defaultValue undefined */
  sessionCookie?: string;
  /** Whether room peers hear when a user goes away, comes back or leaves (`userAfk`, `userBack`, `userLeft`). @defaultValue false */
  socketActivityBroadcaster: boolean;
  /** How long a user may be away before peers hear it left, per kind of disconnect. @defaultValue 20 s tab switch, 60 s network, 2 s other */
  graceTimes: GraceTimes;
  /** Whether handler schemas validate incoming data. @defaultValue true */
  enableZodValidation: boolean;
  /** Limits applied to every socket. */
  limits: {
    /** Largest message accepted, in bytes, set as Socket.IO's `maxHttpBufferSize` on a server LuckyStack creates. @defaultValue 1_000_000 */
    maxPayloadBytes: number;
    /** API calls one socket may have running at once; more are answered RATE_LIMITED. @defaultValue 64 */
    maxInFlightPerSocket: number;
    /** Rooms one socket may be in at once. @defaultValue 50 */
    maxRoomsPerSocket: number;
    /**
     * Requests (API, sync, room) one socket may make: a burst, then a steady rate; past it calls answer
     * RATE_LIMITED, and a socket refused 50 times in a row is closed as a flooder. `false` turns it off.
     * @defaultValue { burst: 200, perSecond: 100 }
     */
    rate: { burst: number; perSecond: number } | false;
    /** Packets waiting to be written to one socket before it is dropped as a slow consumer. @defaultValue 1000 */
    maxBufferedPackets: number;
  };
  /** How long answers of calls with an idempotency key are kept, and how long one run may hold its key. */
  idempotency: {
    /** Retries within this window get the first answer. @defaultValue 600000 (10 minutes) */
    windowMs: number;
    /** A run still under way after this no longer blocks a retry. @defaultValue 30000 */
    leaseMs: number;
  };
  /** Browser origins allowed to connect (`'*'` for any); unset means same-origin only. Clients without an Origin (Node) are always allowed. @defaultValue undefined */
  allowedOrigins?: string[];
  /** Who may sync to whom. */
  sync: {
    /** Whether a sender must have joined the room it syncs to. @defaultValue true */
    requireRoomMembership: boolean;
    /** Whether a sync may go to `'all'` (every connected socket). @defaultValue false */
    allowAll: boolean;
  };
}

/** Partial settings as users pass them; nested objects may be partial too. */
export type LuckyConfigInput = Partial<
  Omit<LuckyConfig, 'limits' | 'sync' | 'graceTimes' | 'idempotency'>
> & {
  idempotency?: Partial<LuckyConfig['idempotency']>;
  limits?: Partial<LuckyConfig['limits']>;
  sync?: Partial<LuckyConfig['sync']>;
  graceTimes?: Partial<GraceTimes>;
};

/** The defaults of {@link LuckyConfig}. */
export const DEFAULT_CONFIG: LuckyConfig = {
  sessionExpiryDays: 7,
  allowMultipleSessions: false,
  enableZodValidation: true,
  socketActivityBroadcaster: false,
  graceTimes: DEFAULT_GRACE_TIMES,
  limits: {
    maxPayloadBytes: 1_000_000,
    maxInFlightPerSocket: 64,
    maxRoomsPerSocket: 50,
    rate: { burst: 200, perSecond: 100 },
    maxBufferedPackets: 1000,
  },
  sync: { requireRoomMembership: true, allowAll: false },
  idempotency: { windowMs: 600_000, leaseMs: 30_000 },
};

/** Fills the defaults into partial settings. */
export function resolveConfig(input: LuckyConfigInput = {}): LuckyConfig {
  return {
    ...DEFAULT_CONFIG,
    ...input,
    limits: { ...DEFAULT_CONFIG.limits, ...input.limits },
    sync: { ...DEFAULT_CONFIG.sync, ...input.sync },
    graceTimes: { ...DEFAULT_CONFIG.graceTimes, ...input.graceTimes },
    idempotency: { ...DEFAULT_CONFIG.idempotency, ...input.idempotency },
  };
}
