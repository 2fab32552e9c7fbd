/**
 * One consent sheet per host: every flow's `getAuthCode` call takes a turn on its host object, and
 * a flow that asks while another's call is open waits in line. A turn ends when its call answers,
 * or when its flow stops waiting (cancel, reset, stop, or its own timeout): some hosts never call
 * back (a dismissed sheet, the app sent to the background), so an answer cannot be the only release.
 */
interface Turn {
  start: () => void;
  started: boolean;
}

interface Line {
  holder?: Turn | undefined;
  waiting: Turn[];
}

// The one module-level state of the core that every flow shares, and global by design: the host
// (the super app's `my`) is one per process, so its line of flows must be too. Keyed weakly by the
// host object, a line is gone with its host, and emptied as soon as its last turn ends.
const lines = new WeakMap<object, Line>();

function handOver(host: object, line: Line) {
  const next = line.waiting.shift();
  line.holder = next;
  if (!next) return void lines.delete(host);
  // A promise job, so a line of hosts that answer at once does not grow the stack; a flow stopped
  // (or a holder restarted) before it runs keeps the host from being called twice.
  void Promise.resolve().then(() => {
    if (line.holder !== next || next.started) return;
    next.started = true;
    next.start();
  });
}

/**
 * Runs `start` now if the host is free, else when the turns before it have ended. Returns `end`:
 * call it when the call answered or the flow gave up; before the turn came, it just leaves the
 * line. `resumed` is for a restarted flow (StrictMode, <Activity>): it takes back the turn it
 * handed over when it stopped, if the next flow has not called the host yet.
 */
export function takeTurn(host: object, start: () => void, resumed = false): () => void {
  let line = lines.get(host);
  if (!line) lines.set(host, (line = { waiting: [] }));
  const turn: Turn = { start, started: false };
  const { holder } = line;
  if (!holder || (resumed && !holder.started)) {
    if (holder) line.waiting.unshift(holder);
    line.holder = turn;
    turn.started = true;
    start();
  } else if (resumed) line.waiting.unshift(turn);
  else line.waiting.push(turn);
  const current = line;
  return () => {
    if (current.holder === turn) handOver(host, current);
    else if (current.waiting.includes(turn)) current.waiting.splice(current.waiting.indexOf(turn), 1);
  };
}
