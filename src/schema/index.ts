// Side-effect imports register each domain type on the builder; the order does not matter.
import './errors.js';
import './enums.js';
import './company.js';
import './document.js';
import './extraction.js';
import './job.js';
import './compiled-statement.js';
import './api-key.js';
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';

export const schema = lexicographicSortSchema(builder.toSchema());
