import {
  type EnvelopeResult,
  ERROR_CODES,
  LuckyError,
  type ResponseKind,
  type ResponseMessage,
  responseEvent,
} from '@luckystack/core';
import type { Socket } from 'socket.io';
import type { LuckyServer, SocketState } from './LuckyServer';

/** Refusals in a row after which a socket is closed as a flooder. */
const FLOOD_REFUSALS = 50;

/** A request that passed the envelope check and the socket's limits. */
export interface Admitted<T> {
  request: T;
  state: SocketState;
  /** Sends the answer on `{kind}Response-{responseIndex}` and frees the request's in-flight slot. */
  reply: (response: ResponseMessage) => void;
}

function refuse(
  socket: Socket,
  event: string,
  code: typeof ERROR_CODES.RATE_LIMITED,
  message: string,
): undefined {
  socket.emit(event, new LuckyError(code, message).toResponse());
  return undefined;
}

/**
 * The door every request goes through: a wrong envelope is answered BAD_REQUEST (or, without a usable
 * responseIndex, only logged), then the socket's rate limit and in-flight cap answer RATE_LIMITED. What
 * passes holds an in-flight slot until `reply`.
 */
export function admit<T extends { responseIndex: number }>(
  server: LuckyServer,
  socket: Socket,
  kind: ResponseKind,
  checked: EnvelopeResult<T>,
): Admitted<T> | undefined {
  if (!checked.ok) {
    if (checked.responseIndex === undefined)
      server.logger.warn(`LuckyStack: unanswerable ${kind} request dropped`);
    else socket.emit(responseEvent(kind, checked.responseIndex), checked.error.toResponse());
    return undefined;
  }
  const state = server.stateOf(socket);
  if (!state) return undefined;
  const event = responseEvent(kind, checked.value.responseIndex);
  const { limits } = server.config;
  if (state.bucket && limits.rate && !state.bucket.take()) {
    // A client that keeps sending into an empty bucket is flooding: answering each call costs the other
    // clients more than dropping it, so after a few dozen refusals in a row it is closed.
    if (++state.refusals >= FLOOD_REFUSALS) {
      server.logger.warn('LuckyStack: closed a socket that kept flooding past its rate limit');
      socket.disconnect(true);
      return undefined;
    }
    return refuse(
      socket,
      event,
      ERROR_CODES.RATE_LIMITED,
      `Too many requests (at most ${limits.rate.perSecond} per second)`,
    );
  }
  state.refusals = 0;
  if (state.inFlight >= limits.maxInFlightPerSocket) {
    return refuse(
      socket,
      event,
      ERROR_CODES.RATE_LIMITED,
      `At most ${limits.maxInFlightPerSocket} calls in flight`,
    );
  }
  state.inFlight++;
  return {
    request: checked.value,
    state,
    reply: (response) => {
      state.inFlight--;
      socket.emit(event, response);
    },
  };
}
