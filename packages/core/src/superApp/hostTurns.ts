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

// The one module-level state of the core that every flow shares, and global by design: the host
// (the super app's `my`) is one per process, so its line of flows must be too. Keyed weakly by the
// host object, a line is gone with its host, and emptied as soon as its last turn ends. The first
// turn of a line holds the host; the others wait in order.
const lines = new WeakMap<object, Turn[]>();

/**
 * Runs `start` now if the host is free, else when the turns before it have ended. Returns `end`:
 * call it when the call answered or the flow gave up; before the turn came, it just leaves the
 * line. `resumed` is for a restarted flow (StrictMode, <Activity>): it takes back the turn it
 * handed over when it stopped, if the next flow has not called the host yet.
 */
export function takeTurn(host: object, start: () => void, resumed?: boolean): () => void {
  const line = lines.get(host) ?? [];
  lines.set(host, line);
  const turn: Turn = { start, started: false };
  const [holder] = line;
  if (!holder || (resumed && !holder.started)) {
    // The holder that never called the host waits first in line again.
    line.unshift(turn);
    turn.started = true;
    start();
  } else if (resumed) line.splice(1, 0, turn);
  else line.push(turn);
  return () => {
    const place = line.indexOf(turn);
    // Ended already: nothing to do. A turn still waiting just leaves the line.
    if (place < 0) return;
    line.splice(place, 1);
    if (place > 0) return;
    // The holder's turn ended: the host goes to the next in line.
    const [next] = line;
    if (!next) return void lines.delete(host);
    // A promise job, so a line of hosts that answer at once does not grow the stack; a flow stopped
    // (or a holder restarted) before it runs keeps the host from being called twice.
    void Promise.resolve().then(() => {
      if (line[0] !== next || next.started) return;
      next.started = true;
      next.start();
    });
  };
}
