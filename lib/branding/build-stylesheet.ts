/**
 * Compiles the one stylesheet: app/globals.css through Tailwind, with the brand's colour tokens appended, to
 * `public/assets/app.<hash>.css`, and records its address in `lib/generated/stylesheet.json` for the root
 * layout and the route-handler pages (lib/http/html-page.ts), which both link it. Runs before `next build`
 * (`npm run build`, the e2e run, the bench, the OIN tester), at install, and in `npm run dev`, which rebuilds
 * it when a file under app/ or lib/ changes. Build-time code: never imported by the app.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import tailwind from '@tailwindcss/postcss';
import postcss, { type AcceptedPlugin } from 'postcss';
import { themeCss } from './theme-css';

const root = path.resolve(import.meta.dirname, '..', '..');
const source = path.join(root, 'app', 'globals.css');
const outDir = path.join(root, 'public', 'assets');
const manifest = path.join(root, 'lib', 'generated', 'stylesheet.json');

/**
 * Compiles the stylesheet, always minified: `npm run dev` and `npm run build` then write the same file for the
 * same sources, so a dev server started after a build does not delete the file that build's pages link.
 */
export async function buildStylesheet(): Promise<{ href: string; bytes: number }> {
  const css = `${readFileSync(source, 'utf8')}\n${themeCss()}\n`;
  const result = await postcss([tailwind({ base: root, optimize: { minify: true } }) as unknown as AcceptedPlugin]).process(css, { from: source });
  const hash = createHash('sha256').update(result.css).digest('hex').slice(0, 12);
  const file = `app.${hash}.css`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, file), result.css);
  for (const old of readdirSync(outDir)) if (old !== file && /^app\.[0-9a-f]+\.css$/.test(old)) rmSync(path.join(outDir, old), { force: true });
  const href = `/assets/${file}`;
  mkdirSync(path.dirname(manifest), { recursive: true });
  const next = `${JSON.stringify({ href }, null, 2)}\n`;
  const current = (() => {
    try {
      return readFileSync(manifest, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== next) writeFileSync(manifest, next);
  return { href, bytes: result.css.length };
}

/** Rebuilds on every change under app/ or lib/ (debounced); returns a function that stops watching. */
export function watchStylesheet(onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void buildStylesheet().catch(onError), 150);
  };
  const watchers = ['app', 'lib'].map((dir) =>
    watch(path.join(root, dir), { recursive: true }, (_event, name) => {
      if (name && !String(name).startsWith('generated') && /\.(tsx?|css)$/.test(String(name))) rebuild();
    }),
  );
  return () => watchers.forEach((w) => w.close());
}
