import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { startupV8Flags } from './startup-v8-flags';

// availableParallelism() counts the cores this process may run on (its CPU affinity), not the machine's.
for (const flag of startupV8Flags(availableParallelism(), process.execArgv)) setFlagsFromString(flag);
