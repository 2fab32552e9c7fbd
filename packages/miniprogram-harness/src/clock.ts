/**
 * The logic layer's timers on a virtual clock: nothing runs until a test advances time, so a 60 s
 * consent timeout takes no real time and every run is the same. Promise jobs run between timers, as
 * they do in an engine's event loop.
 *
 * Host work done outside the layer on real I/O (a `my.request` to a loopback server) is tracked: once
 * nothing is due at the current virtual time, `settle` and `advance` wait for it (real time) before
 * they go on. So a request answers after what was already due (as a real network is slower than a
 * 0 ms timer) and before the virtual clock moves on (a loopback answer is faster than any timeout).
 */
export interface VirtualClock {
  /** Milliseconds since the layer started, on the virtual clock. */
  readonly now: number;
  /** How many timers are waiting (intervals count once). */
  readonly pending: number;
  /** How many pieces of tracked host work (real I/O) have not finished. */
  readonly inFlight: number;
  /**
   * Tracks host work on real I/O: `settle` and `advance` wait for it once nothing is due now. `work`
   * must hand its answer to the layer itself (as a timer) before it settles; a rejection is ignored.
   */
  track(work: Promise<unknown>): void;
  /**
   * Runs promise jobs and every timer due within `ms`, in order, then sets the clock `ms` later.
   * Tracked host work is waited for whenever nothing is due at the current time.
   */
  advance(ms: number): Promise<void>;
  /** Runs promise jobs and timers due now, and waits for tracked host work, until nothing more is due (no time passes). */
  settle(): Promise<void>;
  /** The four timer functions the logic layer sees. */
  readonly globals: TimerGlobals;
}

export interface TimerGlobals {
  setTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): number;
  clearTimeout(id: unknown): void;
  setInterval(callback: unknown, delay?: unknown, ...args: unknown[]): number;
  clearInterval(id: unknown): void;
}

interface Timer {
  id: number;
  at: number;
  order: number;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  interval: number | undefined;
}

/** A macrotask boundary on the host: every promise job queued so far (in any vm context) has run. */
export function flushPromiseJobs(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const noop = () => undefined;

/** The most timers one advance may run: an interval at 0 ms would otherwise never let it return. */
const maxTimersPerAdvance = 100_000;

export function createVirtualClock(onError: (error: unknown) => void): VirtualClock {
  const timers = new Map<number, Timer>();
  const inFlight = new Set<Promise<unknown>>();
  let now = 0;
  let nextId = 1;
  let nextOrder = 0;

  function schedule(callback: unknown, delay: unknown, args: unknown[], repeat: boolean): number {
    if (typeof callback !== 'function') throw new TypeError('The callback must be a function.');
    const ms = Math.max(0, Number(delay) || 0);
    const id = nextId++;
    timers.set(id, {
      id,
      at: now + ms,
      order: nextOrder++,
      callback: callback as Timer['callback'],
      args,
      interval: repeat ? Math.max(1, ms) : undefined,
    });
    return id;
  }
  const clear = (id: unknown) => void timers.delete(Number(id));

  function nextDue(limit: number): Timer | undefined {
    let due: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.at > limit) continue;
      if (!due || timer.at < due.at || (timer.at === due.at && timer.order < due.order)) due = timer;
    }
    return due;
  }

  /** Waits until one piece of tracked host work has finished (it queued its answer as a timer). */
  async function nextHostWork(): Promise<void> {
    await Promise.race([...inFlight].map((work) => work.then(noop, noop)));
    await flushPromiseJobs();
  }

  async function runUntil(limit: number): Promise<void> {
    await flushPromiseJobs();
    for (let ran = 0; ; ran++) {
      if (ran >= maxTimersPerAdvance)
        throw new Error(`More than ${maxTimersPerAdvance} timers in one advance.`);
      // What is due now runs first; then real I/O finishes, before the virtual clock moves on.
      let timer = nextDue(now);
      if (!timer && inFlight.size > 0) {
        await nextHostWork();
        continue;
      }
      timer ??= nextDue(limit);
      if (!timer) break;
      now = Math.max(now, timer.at);
      if (timer.interval === undefined) timers.delete(timer.id);
      else {
        timer.at = now + timer.interval;
        timer.order = nextOrder++;
      }
      try {
        timer.callback(...timer.args);
      } catch (error) {
        // An engine reports an error thrown by a timer and goes on with the next task.
        onError(error);
      }
      await flushPromiseJobs();
    }
    now = Math.max(now, limit);
  }

  return {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    get inFlight() {
      return inFlight.size;
    },
    track(work) {
      inFlight.add(work);
      void work.then(
        () => inFlight.delete(work),
        () => inFlight.delete(work),
      );
    },
    advance: (ms) => runUntil(now + Math.max(0, ms)),
    settle: () => runUntil(now),
    globals: {
      setTimeout: (callback, delay, ...args) => schedule(callback, delay, args, false),
      clearTimeout: clear,
      setInterval: (callback, delay, ...args) => schedule(callback, delay, args, true),
      clearInterval: clear,
    },
  };
}
