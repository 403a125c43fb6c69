#!/usr/bin/env node
import { Command } from 'commander';
import { registerDbCommand } from './db.js';
import { registerExtractCommand } from './extract.js';
import { registerKeysCommand } from './keys.js';
import { registerStorageCommand } from './storage.js';

const program = new Command();
program.name('fde').description('Financial Data Extractor command line');
registerExtractCommand(program);
registerDbCommand(program);
registerKeysCommand(program);
registerStorageCommand(program);

await program.parseAsync(process.argv);
