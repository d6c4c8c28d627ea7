/**
 * A tiny static file server for dist/, mounted at a sub-path (default /map/) to prove
 * the build works from any sub-path. Used by the browser tests and `npm run serve`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface StaticServer {
  server: Server;
  /** e.g. http://127.0.0.1:41234/map/ */
  url: string;
  close(): Promise<void>;
}

/** Extra files served from memory (tests): path under the base path → content type and body. */
export type ExtraFiles = Record<string, { type: string; body: string }>;

export async function startStaticServer(
  root: string,
  basePath = '/map/',
  port = 0,
  extra: ExtraFiles = {},
): Promise<StaticServer> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const inMemory = Object.hasOwn(extra, path.slice(basePath.length))
      ? extra[path.slice(basePath.length)]
      : undefined;
    if (path.startsWith(basePath) && inMemory) {
      res.writeHead(200, { 'content-type': inMemory.type }).end(inMemory.body);
      return;
    }
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(basePath.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}${basePath}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const port = Number(process.env.PORT ?? 4173);
  startStaticServer('dist', process.env.BASE_PATH ?? '/map/', port).then((s) =>
    console.log(`serving dist/ at ${s.url}`),
  );
}
