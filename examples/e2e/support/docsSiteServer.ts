import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built docs site (`pnpm docs:build`). */
export const docsSiteDist = fileURLToPath(new URL('../../../docs/.vitepress/dist', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface DocsSiteServer {
  url: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built docs site on 127.0.0.1 as GitHub Pages would: `/dir/` is `dir/index.html`, `/page`
 * is `page.html`, and anything missing is the site's 404 page with status 404 (no SPA fallback, so a
 * broken link shows as a failed request).
 */
export async function serveDocsSite(root: string = docsSiteDist): Promise<DocsSiteServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      const found =
        file.startsWith(root + sep) &&
        ((await fileAt(file)) ?? (extname(file) === '' ? await fileAt(`${file}.html`) : undefined));
      if (!found) {
        response.writeHead(404, { 'content-type': contentTypes['.html'] });
        createReadStream(join(root, '404.html')).pipe(response);
        return;
      }
      response.writeHead(200, { 'content-type': contentTypes[extname(found)] ?? 'application/octet-stream' });
      createReadStream(found).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
