#!/usr/bin/env node
import { Command } from 'commander';
import { registerDbCommand } from './db.js';
import { registerExtractCommand } from './extract.js';

const program = new Command();
program.name('fde').description('Financial Data Extractor command line');
registerExtractCommand(program);
registerDbCommand(program);

await program.parseAsync(process.argv);
