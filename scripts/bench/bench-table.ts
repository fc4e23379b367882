/** The bench's table: one row per path, ratios to the static and dynamic baselines (the first two rows). */
export type Row = {
  name: string;
  label: string;
  expect: number;
  rps: number;
  p50: number;
  p99: number;
  sqlPerRequest: number;
  txPerRequest: number;
  /** IdP calls per successful sign-in, with their kinds; undefined for paths that are not sign-ins. */
  idpPerSignIn: string | undefined;
  failed: number;
  /** The same path in an earlier run (e.g. before `--tenants`), for the last column. */
  before?: Row;
};

export function formatTable(rows: Row[], footer: string): string {
  const [statics, dynamic] = rows;
  const head = ['path', 'req/s', 'p50 ms', 'p99 ms', '× static', '× dynamic', 'SQL/req (of which tx)', 'IdP calls/sign-in', 'unexpected', ...(rows.some((r) => r.before) ? ['× before'] : [])];
  const body = rows.map((r) => [
    `${r.name}${r.label === 'demo tenants' ? '' : ` (${r.label})`}`,
    r.rps < 10 ? r.rps.toFixed(1) : r.rps.toFixed(0),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    statics ? (r.rps / statics.rps).toFixed(2) : '',
    dynamic ? (r.rps / dynamic.rps).toFixed(2) : '',
    // No request finished within the run (all slower than its length): nothing to divide by.
    Number.isFinite(r.sqlPerRequest) ? `${r.sqlPerRequest.toFixed(1)} (${r.txPerRequest.toFixed(1)})` : '—',
    r.idpPerSignIn ?? '—',
    String(r.failed),
    ...(rows.some((x) => x.before) ? [r.before ? (r.rps / r.before.rps).toFixed(2) : ''] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return ['', line(head), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`, ...body.map(line), '', footer].join('\n');
}
