// `npm start` runs this first: transpile src/**/*.ts to dist/ (one file per file, same layout,
// no bundling) with esbuild, so the bot runs on plain Node — without tsx's loader thread, which
// costs ~40 MB of memory. Type checking stays with `tsc` (npm test); this only strips types.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
const entryPoints = tsFiles('src');
await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.error(`[linli] built ${entryPoints.length} files into dist/ in ${Date.now() - started} ms`);
