export type ConsoleLevel = 'log' | 'info' | 'debug' | 'warn' | 'error' | 'trace';

export interface ConsoleRecord {
  level: ConsoleLevel;
  /** The arguments, each turned into text (objects as JSON where they can be). */
  text: string;
  args: readonly unknown[];
}

export interface RecordingConsole {
  readonly records: ConsoleRecord[];
  /** Everything printed, one record a line, for asserting that a secret never appears. */
  readonly output: string;
  readonly globals: Record<ConsoleLevel, (...args: unknown[]) => void>;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value)) {
    const error = value as Error;
    return `${error.name}: ${error.message}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The logic layer's console: prints nothing, keeps every call for the test to read. */
export function createRecordingConsole(): RecordingConsole {
  const records: ConsoleRecord[] = [];
  const method =
    (level: ConsoleLevel) =>
    (...args: unknown[]) => {
      records.push({ level, args, text: args.map(describe).join(' ') });
    };
  return {
    records,
    get output() {
      return records.map((record) => `${record.level}: ${record.text}`).join('\n');
    },
    globals: {
      log: method('log'),
      info: method('info'),
      debug: method('debug'),
      warn: method('warn'),
      error: method('error'),
      trace: method('trace'),
    },
  };
}
