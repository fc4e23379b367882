/**
 * How production starts the app, for the scripts that start it themselves (the bench, the screenshots, the OIN
 * tester):
 * `npm start` in package.json is the one place that says it — the environment, Node's flags and
 * `next start` — and this reads it, so what those scripts measure or show is what `npm start` runs.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type ServerCommand = { command: string; args: string[]; env: Record<string, string> };

/** `VAR=value … node [--flags] node_modules/next/dist/bin/next start` → its parts (throws on anything else). */
export function parseStartScript(script: string): { env: Record<string, string>; nodeFlags: string[]; next: string[] } {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words.shift() !== 'node') throw new Error(`npm start must run node, not: ${script}`);
  const nodeFlags: string[] = [];
  while (words[0]?.startsWith('--')) nodeFlags.push(words.shift()!);
  if (words[0] !== path.posix.join('node_modules', 'next', 'dist', 'bin', 'next') || words[1] !== 'start') {
    throw new Error(`npm start must run node_modules/next/dist/bin/next start, not: ${script}`);
  }
  return { env, nodeFlags, next: words };
}

/**
 * The production server on `host:port` (`host` null: Next's default, every interface), started as `npm start`
 * starts it, on this process's Node (24), without npm or npx in between, so that a SIGTERM reaches the server.
 */
export function productionServer(port: number, host: string | null = '127.0.0.1'): ServerCommand {
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } };
  const { env, nodeFlags, next } = parseStartScript(pkg.scripts.start);
  return { command: process.execPath, args: [...nodeFlags, ...next, '-p', String(port), ...(host === null ? [] : ['-H', host])], env };
}

/**
 * Stops a server started from {@link productionServer}: SIGTERM (it drains and closes its pool), SIGKILL after
 * `graceMs`, and resolves once it has exited, so that nothing it uses (its database) is removed under it and no
 * server outlives the script or test that started it.
 */
export async function stopServer(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(force);
}
