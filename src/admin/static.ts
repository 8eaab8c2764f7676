/**
 * The console's static files: its own script and stylesheet (src/admin/public) and chart.js's
 * UMD build from node_modules — no CDN, the console works offline. Read once at start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file served under /admin/static/. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * The public folder. From src/admin it is ./public; from the build output (dist/admin, which
 * holds only compiled .ts) it is the source folder next to it.
 */
function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'public'), join(here, '..', '..', 'src', 'admin', 'public')];
  const found = candidates.find((dir) => existsSync(join(dir, 'admin.js')));
  if (!found) throw new Error(`admin console: static files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Load every static file of the console, keyed by its name under /admin/static/. */
export function loadStaticFiles(): Map<string, StaticFile> {
  const dir = publicDir();
  const chartJs = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
  const js = 'text/javascript; charset=utf-8';
  return new Map<string, StaticFile>([
    ['admin.js', { body: readFileSync(join(dir, 'admin.js')), contentType: js }],
    ['admin.css', { body: readFileSync(join(dir, 'admin.css')), contentType: 'text/css; charset=utf-8' }],
    ['chart.umd.min.js', { body: readFileSync(chartJs), contentType: js }],
  ]);
}
