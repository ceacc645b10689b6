/**
 * Structured logs, one JSON line each, one named logger per module.
 * Never pass personal data (names, dates of birth, e-mails) or secrets as fields: log ids
 * and outcomes. The chamber's IT reads these; a log line must be safe to paste in a ticket.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(name: string): Logger;
};

export type LogSink = (line: string) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(name: string, options: { sink?: LogSink; level?: LogLevel; clock?: () => Date } = {}): Logger {
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const min = ORDER[options.level ?? (process.env.KIOSK_LOG_LEVEL as LogLevel | undefined) ?? 'info'] ?? ORDER.info;
  const clock = options.clock ?? (() => new Date());
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (ORDER[level] < min) return;
      sink(JSON.stringify({ t: clock().toISOString(), level, logger: name, event, ...fields }));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (sub) => createLogger(`${name}.${sub}`, options),
  };
}

/**
 * What a caught error is, for a log line: its class, with its domain kind when it has one
 * ("PrintError:spooler-down") or the system's code ("Error:ELOOP", "Error:SQLITE_BUSY"),
 * never its message (which may quote a name, a path or a payload).
 */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const { kind, code } = error as { kind?: unknown; code?: unknown };
  if (typeof kind === 'string') return `${error.name}:${kind}`;
  // A code is a name, never data: only the shape of one (ENOENT, SQLITE_CONSTRAINT) is kept.
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? `${error.name}:${code}` : error.name;
}

/**
 * Where a caught bug was thrown, for a log line: the first frames of its stack, each as a
 * function and a file's name with its line, never the message (the stack's first line) nor
 * the folders (a user's home in a Windows path). Enough for IT to file the bug.
 */
export function errorWhere(error: unknown, depth = 6): string {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return '';
  // The stack opens with "Name: message", which may span lines: cut it off whole first.
  const head = String(error);
  const frames = error.stack.startsWith(head) ? error.stack.slice(head.length) : error.stack;
  return frames
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, depth)
    .map((line) => {
      const frame = line.trim().slice(3);
      const place = /([^\\/()\s]+:\d+:\d+)\)?$/.exec(frame)?.[1] ?? '?';
      const fn = /^(\S+) \(/.exec(frame)?.[1];
      return fn ? `${fn} (${place})` : place;
    })
    .join(' < ');
}

/** A logger that keeps its lines, for tests that check what was (not) logged. */
export function memoryLogger(name = 'test'): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger(name, { sink: (l) => lines.push(l), level: 'debug' });
  return Object.assign(logger, { lines });
}
