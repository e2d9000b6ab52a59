import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Pages with their own HTML entry; every other extension-less path is the React app's (SPA fallback). */
const ENTRIES: Record<string, string> = { '/vue': 'vue.html', '/svelte': 'svelte.html' };

async function fileAt(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

/** The file a URL path names inside `root`, or undefined; never a file outside `root`. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const entry = ENTRIES[urlPath.replace(/\/+$/, '')];
  if (entry) return fileAt(path.join(root, entry));
  const file = path.resolve(root, `.${urlPath}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const found = await fileAt(file);
  if (found) return found;
  // A path with an extension is a missing asset (404); anything else is a page of the React app.
  return path.extname(urlPath) === '' ? fileAt(path.join(root, 'index.html')) : undefined;
}

/**
 * An HTTP handler serving Vite's build output from `root` with correct content types: hashed assets cached
 * for good, HTML always revalidated, unknown pages answered with the React app (SPA fallback).
 */
export function serveStatic(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  const base = path.resolve(root);
  return (request, response) => {
    const send = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (urlPath.includes('\0')) return send(400, 'Bad request');
    resolveFile(base, urlPath).then(
      (file) => {
        if (!file) return send(404, 'Not found');
        const extension = path.extname(file);
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
          'cache-control': urlPath.startsWith('/assets/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
          'x-content-type-options': 'nosniff',
        });
        if (request.method === 'HEAD') return response.end();
        createReadStream(file)
          .on('error', () => response.destroy())
          .pipe(response);
      },
      () => send(500, 'Internal server error'),
    );
  };
}
