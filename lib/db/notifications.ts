/**
 * PostgreSQL LISTEN for per-instance caches that other instances must be able to invalidate. One dedicated
 * connection per process (PostgreSQL), or the embedded PGlite's own `listen`. A subscriber is told
 * `onNotify()` for each notification and `onState(listening)` whenever the subscription starts or stops:
 * while not listening (not yet connected, connection lost, reconnecting) a cache must not answer from memory,
 * because it would miss invalidations. Reconnects with a backoff of up to 30 s. Callers authorize nothing:
 * notifications carry no data, they only say "something changed".
 */
import { Client } from 'pg';
import { getEnv } from '@/lib/env';
import { getLog } from '@/lib/log';
import { getPglite, onDbClose } from './client';

export type Subscriber = { onNotify: () => void; onState: (listening: boolean) => void };

type Channel = { subscribers: Set<Subscriber>; listening: boolean; stop?: () => Promise<void>; retryMs: number; timer?: NodeJS.Timeout; closed?: boolean };

const global = globalThis as unknown as { __dbChannels?: Map<string, Channel> };
const channels: Map<string, Channel> = (global.__dbChannels ??= new Map());

/** Subscribes to `channel` (a lower-case identifier), connecting on first use. Returns whether it is listening now. */
export function subscribe(channel: string, subscriber: Subscriber): boolean {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
  let state = channels.get(channel);
  if (!state) {
    state = { subscribers: new Set(), listening: false, retryMs: 1_000 };
    channels.set(channel, state);
    void connect(channel, state);
  }
  state.subscribers.add(subscriber);
  return state.listening;
}

/** Whether `channel` has a subscription in this process (connected or not); false after {@link closeNotifications}. */
export function hasSubscription(channel: string): boolean {
  return channels.has(channel);
}

function setListening(state: Channel, listening: boolean): void {
  state.listening = listening;
  for (const s of state.subscribers) s.onState(listening);
}

async function connect(channel: string, state: Channel): Promise<void> {
  const notify = () => {
    for (const s of state.subscribers) s.onNotify();
  };
  try {
    const url = getEnv().DATABASE_URL;
    if (url) {
      const client = new Client({ connectionString: url });
      const lost = (error?: unknown) => {
        if (state.stop === undefined) return;
        state.stop = undefined;
        setListening(state, false);
        client.end().catch(() => {});
        getLog().warn({ err: error, channel }, 'database notifications lost; caches answer from the database until they are back');
        retry(channel, state);
      };
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', notify);
      await client.connect();
      // The listening connection must not keep a CLI or a test process alive.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await client.query(`LISTEN ${channel}`);
      state.stop = async () => {
        state.stop = undefined;
        await client.end();
      };
    } else {
      const pglite = getPglite()!;
      const unlisten = await pglite.listen(channel, notify);
      state.stop = async () => {
        state.stop = undefined;
        await unlisten();
      };
    }
    state.retryMs = 1_000;
    setListening(state, true);
  } catch (error) {
    getLog().warn({ err: error, channel }, 'could not listen for database notifications; retrying');
    retry(channel, state);
  }
}

function retry(channel: string, state: Channel): void {
  if (state.closed) return;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => void connect(channel, state), state.retryMs);
  state.timer.unref();
  state.retryMs = Math.min(30_000, state.retryMs * 2);
}

/** Stops every subscription (the database is closing). The next `subscribe` starts afresh. */
export async function closeNotifications(): Promise<void> {
  const all = [...channels.values()];
  channels.clear();
  await Promise.allSettled(
    all.map(async (state) => {
      state.closed = true;
      clearTimeout(state.timer);
      setListening(state, false);
      await state.stop?.();
    }),
  );
}

onDbClose(closeNotifications);
