/**
 * One consent sheet per host: every flow's `getAuthCode` call takes a turn on its host object, and
 * a flow that asks while another's call is open waits in line. A turn ends when its call answers,
 * or when its flow stops waiting (cancel, reset, stop, or its own timeout): some hosts never call
 * back (a dismissed sheet, the app sent to the background), so an answer cannot be the only release.
 */
const lines = new WeakMap<object, (() => void)[]>();

/**
 * Runs `start` now if the host is free, else when the turns before it have ended. Returns `end`:
 * call it when the call answered or the flow gave up; before the turn came, it just leaves the line.
 */
export function takeTurn(host: object, start: () => void): () => void {
  let state: 'waiting' | 'holding' | 'ended' = 'waiting';
  const handOver = () => {
    state = 'holding';
    // A promise job, so a line of hosts that answer at once does not grow the stack; a flow
    // stopped before it runs has ended its turn and never calls the host.
    void Promise.resolve().then(() => state === 'holding' && start());
  };
  const end = () => {
    const line = lines.get(host);
    if (state === 'waiting') line?.splice(line.indexOf(handOver), 1);
    if (state === 'holding') {
      const next = line?.shift();
      if (next) next();
      else lines.delete(host);
    }
    state = 'ended';
  };
  const line = lines.get(host);
  if (line) line.push(handOver);
  else {
    lines.set(host, []);
    state = 'holding';
    start();
  }
  return end;
}
