// Loaded with `node --import` into the server process by the tests: any read of the global `my`
// (even `typeof my`, which looks the global up and fires this getter) is recorded with its stack.
import { appendFileSync } from 'node:fs';

const log = process.env.TRIPWIRE_LOG;
const record = (entry) => {
  const line = JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), ...entry });
  if (log) appendFileSync(log, `${line}\n`);
  else process.stderr.write(`${line}\n`);
};

Object.defineProperty(globalThis, 'my', {
  configurable: true,
  get() {
    record({ event: 'TRIPWIRE my read', stack: new Error('my read').stack });
    return undefined;
  },
});
record({ event: 'installed' });
