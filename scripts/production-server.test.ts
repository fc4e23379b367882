import { describe, expect, it } from 'vitest';
import { parseStartScript, productionServer } from './production-server';

describe('production server command', () => {
  it('reads the environment, Node flags and next start of npm start', () => {
    expect(parseStartScript('MALLOC_ARENA_MAX=2 node --max-old-space-size=192 node_modules/next/dist/bin/next start')).toEqual({
      env: { MALLOC_ARENA_MAX: '2' },
      nodeFlags: ['--max-old-space-size=192'],
      next: ['node_modules/next/dist/bin/next', 'start'],
    });
  });

  it.each(['next start', 'node server.js', 'npx next start'])('refuses a start script it cannot mirror: %s', (script) => {
    expect(() => parseStartScript(script)).toThrow(/npm start must/);
  });

  it("is what package.json's npm start says, on this Node", () => {
    const server = productionServer(3999);
    expect(server.command).toBe(process.execPath);
    expect(server.args.slice(-6)).toEqual(['node_modules/next/dist/bin/next', 'start', '-p', '3999', '-H', '127.0.0.1']);
  });
});
