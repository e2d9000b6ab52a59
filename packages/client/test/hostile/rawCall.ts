import type { ResponseMessage } from '@luckystack/core';
import type { Socket } from 'socket.io-client';

let next = 0;

/** Sends one apiRequest by hand and waits (at most 5 s) for its answer. */
export function rawCall(
  socket: Socket,
  name = 'api/test/echo',
  data: unknown = {},
): Promise<ResponseMessage> {
  const responseIndex = next++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to call ${responseIndex}`)), 5_000);
    socket.once(`apiResponse-${responseIndex}`, (response: ResponseMessage) => {
      clearTimeout(timer);
      resolve(response);
    });
    socket.emit('apiRequest', { name, data, responseIndex });
  });
}

/** The p99 latency of `calls` calls made one every `gapMs` (within the default rate limit), as an interactive client would. */
export async function p99(socket: Socket, calls: number, gapMs = 20): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await rawCall(socket);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.99)]!;
}
