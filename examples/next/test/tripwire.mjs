// Loaded with `node --import` into the Next server (and its build): a getter on `globalThis.my`
// that records every read. A super app's global `my` must never be read on the server, not even by
// `typeof my` (for an undeclared global that also goes through this getter).
import { appendFileSync } from 'node:fs';

const log = process.env.AUTHCODE_TRIPWIRE_LOG;
const armed = process.env.AUTHCODE_TRIPWIRE_ARMED;

if (armed) appendFileSync(armed, `${process.pid} ${process.argv.slice(1).join(' ')}\n`);

Object.defineProperty(globalThis, 'my', {
  configurable: true,
  get() {
    const stack = new Error('TRIPWIRE my read').stack ?? 'TRIPWIRE my read';
    process.stderr.write(`TRIPWIRE my read in ${process.pid}\n`);
    if (log) appendFileSync(log, `${JSON.stringify({ pid: process.pid, stack })}\n`);
    return undefined;
  },
});
