// jobProgress over SSE: an ID written in the document and the same ID as a variable give the same stream; an
// unknown or malformed ID is a GraphQL error saying which job was not found (never an HTTP 500). GraphiQL
// subscribes with GET ?query=…: that must pass CSRF prevention, which still guards every other GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { yoga } from '../helpers/graphql.js';
import { globalId } from '../helpers/jobs.js';

let finishedJob: string;

beforeAll(async () => {
  const job = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'SUCCEEDED', finishedAt: new Date() } });
  finishedJob = globalId('Job', job.id);
});

afterAll(async () => {
  await stopListening();
});

interface Event {
  data?: { jobProgress: { id: string; status: string } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Reads a whole SSE response (the stream completes once the job has finished or the subscription failed). */
async function events(response: Response): Promise<Event[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()))
    .filter((data) => data !== '' && data !== 'null' && data.startsWith('{'))
    .map((data) => JSON.parse(data) as Event);
}

function subscribe(query: string, variables?: Record<string, unknown>) {
  return yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
}

const BY_VARIABLE = 'subscription($id: ID!) { jobProgress(id: $id) { id status } }';
const byLiteral = (id: string) => `subscription { jobProgress(id: ${JSON.stringify(id)}) { id status } }`;

describe('jobProgress', () => {
  it('gives the same stream for an ID written in the document and as a variable', async () => {
    const literal = await subscribe(byLiteral(finishedJob));
    const variable = await subscribe(BY_VARIABLE, { id: finishedJob });
    expect(literal.status).toBe(200);
    const expected = [{ data: { jobProgress: { id: finishedJob, status: 'SUCCEEDED' } } }];
    expect(await events(literal)).toEqual(expected);
    expect(await events(variable)).toEqual(expected);
  });

  const unknown = globalId('Job', 999_999);
  const cases = [
    ['an unknown ID as a literal', byLiteral(unknown), undefined, unknown],
    ['an unknown ID as a variable', BY_VARIABLE, { id: unknown }, unknown],
    ['a malformed ID as a literal', byLiteral('not-an-id'), undefined, 'not-an-id'],
    ['a malformed ID as a variable', BY_VARIABLE, { id: 'not-an-id' }, 'not-an-id'],
    ["another type's ID", BY_VARIABLE, { id: globalId('Company', 1) }, globalId('Company', 1)],
  ] as const;
  for (const [name, query, variables, id] of cases) {
    it(`answers ${name} with a NOT_FOUND error naming the job`, async () => {
      const response = await subscribe(query, variables);
      expect(response.status).toBe(200);
      const [event, ...rest] = await events(response);
      expect(rest).toEqual([]);
      expect(event.data ?? null).toBeNull();
      expect(event.errors).toEqual([
        expect.objectContaining({ message: `Job ${id} was not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
    });
  }
});

describe('subscriptions from GraphiQL (GET over SSE) and CSRF prevention', () => {
  const url = (query: string) => `http://yoga/graphql?query=${encodeURIComponent(query)}`;

  it('accepts a GET subscription that asks for an event stream, without the CSRF header', async () => {
    const response = await yoga.fetch(url(byLiteral(finishedJob)), { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(await events(response)).toEqual([{ data: { jobProgress: { id: finishedJob, status: 'SUCCEEDED' } } }]);
  });

  it('still refuses other GETs without the header: queries, and subscriptions not asking for SSE', async () => {
    const query = await yoga.fetch(url('{ __typename }'), { headers: { accept: 'application/json' } });
    expect(query.status).toBe(403);
    const plain = await yoga.fetch(url(byLiteral(finishedJob)), { headers: { accept: 'application/json' } });
    expect(plain.status).toBe(403);
    const disguised = await yoga.fetch(url(`query { __typename }`), { headers: { accept: 'text/event-stream' } });
    expect(disguised.status).toBe(403);
  });

  it('refuses a mutation sent as GET with an event-stream accept header', async () => {
    const response = await yoga.fetch(url('mutation { deleteCompany(input: { id: "x" }) { __typename } }'), {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(403);
  });
});
