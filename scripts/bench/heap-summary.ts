/**
 * `--heap-snapshot`: what the app's JavaScript heap holds after the run. Asks `next start` for a heap snapshot
 * (it runs with `--heapsnapshot-signal=SIGUSR2`), then sums the snapshot's objects by constructor (self size)
 * and prints the largest groups next to the process's RSS, so memory that is not JS heap shows as the gap.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};

/** Signals `pid`, waits for its snapshot in `dir`, summarizes it and deletes it. */
export async function takeHeapSummary(pid: number, dir: string, top = 15): Promise<string> {
  const before = new Set(snapshotsIn(dir));
  process.kill(pid, 'SIGUSR2');
  let file: string | undefined;
  let size = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    file ??= snapshotsIn(dir).find((f) => !before.has(f));
    if (!file) continue;
    const now = statSync(path.join(dir, file)).size;
    if (now > 0 && now === size) break; // written completely
    size = now;
  }
  if (!file) return 'No heap snapshot appeared (is the app running with --heapsnapshot-signal?).';
  const full = path.join(dir, file);
  try {
    return summarize(JSON.parse(readFileSync(full, 'utf8')) as Snapshot, top);
  } finally {
    rmSync(full, { force: true });
  }
}

function snapshotsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot'));
}

export function summarize(heap: Snapshot, top: number): string {
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const groups = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const size = heap.nodes[i + sizeAt]!;
    total += size;
    // Objects group by constructor name; strings, code, arrays… by their type.
    const key = type === 'object' || type === 'closure' ? `${type} ${heap.strings[heap.nodes[i + nameAt]!]}` : `(${type})`;
    const group = groups.get(key) ?? { size: 0, count: 0 };
    group.size += size;
    group.count++;
    groups.set(key, group);
  }
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1).padStart(7);
  const rows = [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top);
  return [
    `JS heap in the snapshot: ${mb(total).trim()} MB; largest groups by self size:`,
    ...rows.map(([key, g]) => `  ${mb(g.size)} MB  ${String(g.count).padStart(9)} × ${key.slice(0, 90)}`),
  ].join('\n');
}
