// Loaded with `node --import` into the app's server process (see sveltekit.test.ts): any read of the
// global `my` there, even `typeof my`, goes through this getter and is recorded with its stack.
import { appendFileSync } from 'node:fs';

const logFile = process.env.AUTHCODE_TRIPWIRE_LOG;

Object.defineProperty(globalThis, 'my', {
  configurable: true,
  get() {
    const stack = new Error('TRIPWIRE my read').stack ?? 'TRIPWIRE my read';
    process.stderr.write(`${stack}\n`);
    if (logFile) appendFileSync(logFile, `${stack}\n\n`);
    return undefined;
  },
});
