// What the build adds beside the bundle, for the server: routes.txt (the client-side routes,
// one pattern a line, so that vigie answers HTTP 404 for any other page path) and, for every
// text file of web/dist, a brotli (.br) and a gzip (.gz) copy at the highest levels, chosen by
// vigie from the request's Accept-Encoding (http/static_files.cpp). Node's zlib does both, so
// no dependency is added.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// The route patterns of a module's index.tsx ("path: '/plan/mesures/:code'" in its routes).
export function routePatterns(source: string): string[] {
  const routes = /routes:\s*\[([\s\S]*?)\n\s*\],/.exec(source);
  if (!routes) return [];
  return [...routes[1].matchAll(/\bpath:\s*'([^']+)'/g)].map((m) => m[1]);
}

// Every client route of the app: the platform's home, then each module's, from the sources.
export function clientRoutes(modulesDir: string): string[] {
  const out = ['/'];
  for (const m of readdirSync(modulesDir).sort()) {
    const index = join(modulesDir, m, 'index.tsx');
    if (statSync(join(modulesDir, m)).isDirectory()) out.push(...routePatterns(readFileSync(index, 'utf8')));
  }
  return out;
}

const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map|ttf|eot|ico)$/; // not woff/woff2, already compressed;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function vigieAssets(modulesDir: string): Plugin {
  let outDir = '';
  return {
    name: 'vigie-assets',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir.startsWith('/') ? c.build.outDir : join(c.root, c.build.outDir);
    },
    closeBundle() {
      writeFileSync(join(outDir, 'routes.txt'), clientRoutes(modulesDir).join('\n') + '\n');
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 256) continue; // smaller than its headers' worth
        const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
        const gz = gzipSync(bytes, { level: 9 });
        if (br.length < bytes.length) writeFileSync(file + '.br', br);
        if (gz.length < bytes.length) writeFileSync(file + '.gz', gz);
      }
    },
  };
}
