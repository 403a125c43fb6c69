// Job changes reach subscribers in any API process: workers NOTIFY fde_job, and each API process keeps one
// LISTEN connection that fans the notifications out to its subscriptions.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import { logger } from '../logger.js';

const events = new EventEmitter();
events.setMaxListeners(0);
let listening: Promise<pg.Client> | undefined;

function listen(): Promise<pg.Client> {
  listening ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on('notification', (n) => events.emit(`job:${n.payload}`));
    client.on('error', (err) => {
      logger.error({ err }, 'job notification connection lost; reconnecting on next subscription');
      listening = undefined;
    });
    await client.connect();
    await client.query('LISTEN fde_job');
    return client;
  })();
  return listening;
}

/** Yields once for every change of job `id`, until `signal` aborts. Starts listening before it returns. */
export async function jobChanges(id: number, signal: AbortSignal): Promise<AsyncIterable<unknown>> {
  await listen();
  return on(events, `job:${id}`, { signal });
}

export async function stopListening() {
  const client = await listening;
  listening = undefined;
  await client?.end();
}
