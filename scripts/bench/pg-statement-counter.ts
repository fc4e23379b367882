/**
 * Counts the SQL statements the app sends to PostgreSQL, without touching the app: a loopback TCP proxy in
 * front of the server that reads the frontend side of the wire protocol and counts simple queries (`Q`) and
 * executions of extended-protocol statements (`E`), telling transaction control (BEGIN/COMMIT/ROLLBACK…)
 * apart from the rest. Used because pg_stat_statements needs `shared_preload_libraries`, i.e. a server
 * restart, which a shared PostgreSQL cannot take.
 */
import net from 'node:net';

export type StatementCounts = { statements: number; transactionControl: number };

const TX_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION)\b/i;

export type CountingProxy = { port: number; counts(): StatementCounts; close(): Promise<void> };

/**
 * Listens on 127.0.0.1 (a free port) and forwards every connection to `target` (loopback host:port); `log`, when
 * given, sees the text of every counted statement.
 */
export async function startCountingProxy(target: { host: string; port: number }, log?: (sql: string) => void): Promise<CountingProxy> {
  const counts: StatementCounts = { statements: 0, transactionControl: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const parse = frontendParser((type, payload) => {
      if (type === 'Q') count(cString(payload, 0));
      else if (type === 'P') lastParsed.set(cString(payload, 0), cString(payload, Buffer.byteLength(cString(payload, 0)) + 1));
      else if (type === 'B') bound = lastParsed.get(cString(payload, Buffer.byteLength(cString(payload, 0)) + 1)) ?? '';
      else if (type === 'E') count(bound);
    });
    const lastParsed = new Map<string, string>(); // prepared statement name → text ('' is the unnamed one)
    let bound = '';
    const count = (sql: string) => {
      counts.statements++;
      log?.(sql);
      if (TX_CONTROL.test(sql)) counts.transactionControl++;
    };
    client.on('data', (chunk: Buffer) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => (client.destroy(), upstream.destroy(), sockets.delete(client), sockets.delete(upstream));
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    counts: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Splits the frontend stream into messages; the first one (startup or SSL request) has no type byte. */
function frontendParser(onMessage: (type: string, payload: Buffer) => void) {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readUInt32BE(0);
        if (buffer.length < length) return;
        // An SSLRequest / GSSENCRequest (code 80877103/80877104) is followed by another untyped startup message.
        const code = buffer.readUInt32BE(4);
        if (code !== 80877103 && code !== 80877104) started = true;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readUInt32BE(1);
      if (buffer.length < 1 + length) return;
      onMessage(String.fromCharCode(buffer[0]!), buffer.subarray(5, 1 + length));
      buffer = buffer.subarray(1 + length);
    }
  };
}

function cString(buffer: Buffer, offset: number): string {
  const end = buffer.indexOf(0, offset);
  return buffer.toString('utf8', offset, end === -1 ? buffer.length : end);
}
