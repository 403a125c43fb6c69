#!/usr/bin/env node
import { Command } from 'commander';
import { registerExtractCommand } from './extract.js';

const program = new Command();
program.name('fde').description('Financial Data Extractor command line');
registerExtractCommand(program);

await program.parseAsync(process.argv);
