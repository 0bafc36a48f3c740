import 'reflect-metadata';
import { runCli } from './cli';
import { processIo } from './cli-io';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
