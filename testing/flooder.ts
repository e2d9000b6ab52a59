// A client process that floods a server with API calls for a while: started by tests, never imported.
import { io } from 'socket.io-client';

const url = process.env.FLOOD_URL ?? '';
const durationMs = Number(process.env.FLOOD_MS ?? 3000);
// One socket: once the server drops it, it stays away (reconnect storms are the load balancer's to limit).
const socket = io(url, { transports: ['websocket'], reconnection: false });
const stopAt = Date.now() + durationMs;
let sent = 0;
let answered = 0;
let limited = 0;
let started = false;

socket.onAny((event: string, response: { errorCode?: string }) => {
  if (!event.startsWith('apiResponse-')) return;
  answered++;
  if (response?.errorCode === 'RATE_LIMITED') limited++;
});

let droppedAfterMs = -1;
socket.on('disconnect', (reason) => {
  if (reason === 'io server disconnect') droppedAfterMs = Date.now() - (stopAt - durationMs);
});

setTimeout(() => {
  console.log(JSON.stringify({ sent, answered, limited, droppedAfterMs }));
  socket.disconnect();
}, durationMs + 300);

socket.on('connect', () => {
  if (!started) console.log(JSON.stringify({ flooding: true }));
  started = true;
  const burst = () => {
    if (Date.now() >= stopAt || !socket.connected) return;
    // Bounded: 50 calls per turn of the event loop, for at most durationMs.
    for (let i = 0; i < 50; i++)
      socket.emit('apiRequest', { name: 'api/test/echo', data: { i }, responseIndex: sent++ });
    setImmediate(burst);
  };
  burst();
});
