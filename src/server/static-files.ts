// SPDX-License-Identifier: MIT
/**
 * Serves the built web app (`web/dist`) at `/`: files with their content type (their Brotli or gzip copy when the
 * client accepts it), `index.html` for paths without a file extension (client-side routes), JSON 404s for anything
 * under `/api/`, and no way out of the folder.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/** Content types by file extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The file a URL path names inside `root`, or `undefined` (missing, or outside the folder). */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, `.${decoded}`);
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  if (isFile(target)) return target;
  const index = join(target, 'index.html');
  if (isFile(index)) return index;
  // A path without an extension is a client-side route of the single-page app.
  if (extname(decoded) === '' && isFile(join(root, 'index.html'))) return join(root, 'index.html');
  return undefined;
}

/** Precompressed copies (scripts/precompress.mjs) in order of preference, by their `content-encoding`. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The encodings an `accept-encoding` header allows (a `q=0` entry refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name !== '' && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

function sendFile(request: FastifyRequest, reply: FastifyReply, path: string): FastifyReply {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  // Vite puts content-hashed files under assets/: they never change. Everything else is revalidated.
  const cache = path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  reply.type(type).header('cache-control', cache).header('vary', 'accept-encoding');
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  const variant = ENCODINGS.find(({ encoding, suffix }) => accepted.has(encoding) && isFile(path + suffix));
  if (variant === undefined) return reply.send(createReadStream(path));
  return reply.header('content-encoding', variant.encoding).send(createReadStream(path + variant.suffix));
}

/** Registers the static handler when `webRoot` exists; returns whether it did. */
export function registerStaticFiles(app: FastifyInstance, webRoot: string): boolean {
  const root = resolve(webRoot);
  if (!existsSync(root) || !statSync(root).isDirectory()) return false;
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const urlPath = request.url;
    const path = urlPath.startsWith('/api/') ? undefined : resolveStaticPath(root, urlPath);
    if (path === undefined)
      throw new ApiError(404, 'NOT_FOUND', `no route or file for GET ${urlPath.split('?')[0]}`);
    return sendFile(request, reply, path);
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
  return true;
}
