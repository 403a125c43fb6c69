// PostgreSQL notifications reach this process over one LISTEN connection:
//   fde_job     a job changed (workers NOTIFY it after each change): fans out to job subscriptions
//   fde_change  a table the API reads changed (statement triggers NOTIFY it when the writing transaction commits,
//               prisma/migrations/20261126160000_change_notifications): drops cached responses
// One connection for both keeps their order: by the time a subscriber hears that a job succeeded, this process has
// already heard of the rows the job wrote. While the connection is down changes can be missed, so followers
// (the response cache) are told when it is lost and when it is back; it reconnects on its own while they follow.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import { logger } from '../logger.js';

const CHANNELS = ['fde_job', 'fde_change'] as const;
const RECONNECT_MS = 1_000;

const events = new EventEmitter();
events.setMaxListeners(0);
let listening: Promise<pg.Client> | undefined;
let connected = false;
let stopped = false;
let followers = 0;

function listen(): Promise<pg.Client> {
  stopped = false;
  const attempt = (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on('notification', (n) => {
      if (n.channel === 'fde_job') events.emit(`job:${n.payload}`);
      else events.emit('change', n.payload ?? '');
    });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (listening === attempt) listening = undefined;
      if (connected) {
        connected = false;
        events.emit('lost');
      }
      if (stopped) return;
      // 57P01: the server is shutting down (a restart, or the embedded database stopping with this process).
      const shutdown = (err as { code?: string } | undefined)?.code === '57P01';
      logger[shutdown ? 'warn' : 'error']({ err }, 'database notification connection lost; reconnecting');
      client.end().catch(() => {});
      if (followers > 0) setTimeout(() => void reconnect(), RECONNECT_MS).unref();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      onLost(err as Error);
      throw err;
    }
    connected = true;
    events.emit('connected');
    return client;
  })();
  listening = attempt;
  return attempt;
}

async function reconnect() {
  if (stopped || listening || followers === 0) return;
  await listen().catch(() => {}); // onLost schedules the next attempt
}

function ensureListening(): Promise<pg.Client> {
  return listening ?? listen();
}

/** Yields once for every change of job `id`, until `signal` aborts. Starts listening before it returns. */
export async function jobChanges(id: number, signal: AbortSignal): Promise<AsyncIterable<unknown>> {
  await ensureListening();
  return on(events, `job:${id}`, { signal });
}

export interface ChangeFollower {
  /** A table changed (its name). */
  changed(table: string): void;
  /** The connection is up: from now on no change goes unheard (changes while it was down may have been missed). */
  connected(): void;
  /** The connection is down: changes may go unheard until `connected` is called again. */
  lost(): void;
}

/** Whether changes are being heard right now. */
export function hearingChanges(): boolean {
  return connected;
}

/**
 * Follows changes to the tables the API reads, keeping the connection up (and re-establishing it) until the
 * returned function is called. `connected` is called once the connection is up, at once if it already is.
 */
export function followChanges(follower: ChangeFollower): () => void {
  const onChange = (table: string) => follower.changed(table);
  const onConnected = () => follower.connected();
  const onLost = () => follower.lost();
  events.on('change', onChange);
  events.on('connected', onConnected);
  events.on('lost', onLost);
  followers++;
  if (connected) follower.connected();
  else
    ensureListening().catch((err) => {
      logger.error({ err }, 'could not listen for database changes; retrying');
    });
  return () => {
    events.off('change', onChange);
    events.off('connected', onConnected);
    events.off('lost', onLost);
    followers--;
  };
}

export async function stopListening() {
  stopped = true;
  const client = await listening?.catch(() => undefined);
  listening = undefined;
  if (connected) {
    connected = false;
    events.emit('lost');
  }
  await client?.end();
}
