// The baseline for the server benchmark: a bare graphql-yoga in the same kind of process (tsx, node:http) answering
// the same query shape (company(id) → CompanyResult union → name, tickers) with a constant. Prints { port }.
import { serveBareYoga } from './bare-yoga.js';

const company = { __typename: 'Company', name: 'AstraZeneca PLC', tickers: [{ ticker: 'AZN' }, { ticker: 'AZN' }, { ticker: 'AZN' }] };

await serveBareYoga(() => company);
