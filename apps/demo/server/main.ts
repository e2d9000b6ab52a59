// Starts the demo: `npm run demo` from the repository root, or `npm run start -w @luckystack/demo` after a build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemoServer } from './createDemoServer';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(`${distDir}/index.html`)) {
  console.error('No front end in apps/demo/dist yet: build it first (npm run build -w @luckystack/demo).');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (0 picks a free one), not "${process.env.PORT}".`);
  process.exit(1);
}
const host = process.env.HOST ?? '127.0.0.1';
const redisUrl = process.env.REDIS_URL || undefined;

/** The Redis URL without its password, fit for a log line. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given REDIS_URL';
  }
}

const server = createDemoServer({ distDir, redisUrl });
const actualPort = await server.listen(port, host);
console.log(`LuckyStack demo on http://localhost:${actualPort}`);
console.log(
  redisUrl
    ? `Sessions and rooms in Redis at ${redacted(redisUrl)}`
    : 'Sessions in memory (set REDIS_URL to keep them across restarts)',
);

let closing = false;
function shutdown(signal: NodeJS.Signals): void {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing…`);
  // A socket or Redis that will not let go must not keep the process alive.
  setTimeout(() => process.exit(1), 5_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Shutdown failed', error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
