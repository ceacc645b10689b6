import net from 'node:net';

/** How the stand-in's roll, cover and mechanism stand; tests change it between tickets. */
export type PrinterCondition = { paper: 'ok' | 'near-end' | 'out'; coverOpen: boolean; error: boolean };

export type CaptureOptions = {
  /**
   * How it answers ESC/POS status questions: like an Epson printer (default), never (`silent`,
   * some cheap printers), or with bytes that are no status (`garbage`). `false`: it does not
   * even read them (a raw socket behind CUPS, where a PDF may hold any bytes).
   */
  status?: 'answers' | 'silent' | 'garbage' | false;
  /** Each answer waits this long (a slow printer). */
  answerDelayMs?: number;
  /** After this many bytes of ticket, the connection is closed (a printer reset mid-ticket). */
  closeAfter?: number;
  /** After this many bytes of ticket, the roll ends: printing stops, the rest stays in its buffer. */
  paperRunsOutAfter?: number;
  condition?: Partial<PrinterCondition>;
};

export type TcpCapture = {
  address: string;
  /** What reached paper: the ticket bytes, without the status questions (for `status: false`, every byte). */
  received: () => Buffer;
  /** Every byte received, status questions included. */
  raw: () => Buffer;
  /** The status questions asked, in order (`DLE EOT 1`, `GS r 1`...). */
  questions: () => string[];
  set(condition: Partial<PrinterCondition>): void;
  close(): Promise<void>;
};

const DLE = 0x10;
const EOT = 0x04;
const GS = 0x1d;

/**
 * A stand-in for a network thermal printer: a real TCP server on loopback that keeps the bytes
 * and, by default, answers status questions as the Epson ESC/POS reference says a printer does:
 * DLE EOT n (real-time: at once, whatever the printer is doing) and GS r 1 (queued: once the
 * bytes before it are printed, so never while printing is stopped).
 */
export async function startTcpCapture(options: CaptureOptions = {}): Promise<TcpCapture> {
  const mode = options.status ?? 'answers';
  const state: PrinterCondition = { paper: 'ok', coverOpen: false, error: false, ...options.condition };
  const raw: Buffer[] = [];
  const printed: number[] = [];
  const asked: string[] = [];
  let ticketBytes = 0;
  const sockets = new Set<net.Socket>();

  const realTime = (n: number): number => {
    const out = state.paper === 'out';
    const offline = out || state.coverOpen || state.error;
    if (n === 1) return 0x12 | (offline ? 0x08 : 0);
    if (n === 2) return 0x12 | (state.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0) | (state.error ? 0x40 : 0);
    if (n === 4) return 0x12 | (state.paper !== 'ok' ? 0x0c : 0) | (out ? 0x60 : 0);
    return 0x12;
  };
  const queued = (): number => (state.paper === 'out' ? 0x0f : state.paper === 'near-end' ? 0x03 : 0);
  const stopped = () => state.paper === 'out' || state.coverOpen || state.error;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const answer = (byte: number) => {
      if (mode === 'silent') return;
      const bytes = mode === 'garbage' ? Buffer.from('ERR\r\n') : Buffer.from([byte]);
      const send = () => !socket.destroyed && socket.write(bytes);
      if (options.answerDelayMs) setTimeout(send, options.answerDelayMs);
      else send();
    };
    let prefix: number[] = [];
    const print = (b: number) => {
      if (socket.destroyed) return;
      if (stopped()) return;
      printed.push(b);
      ticketBytes += 1;
      if (options.paperRunsOutAfter !== undefined && ticketBytes >= options.paperRunsOutAfter) state.paper = 'out';
      if (options.closeAfter !== undefined && ticketBytes >= options.closeAfter) socket.destroy();
    };
    socket.on('data', (d: Buffer) => {
      raw.push(d);
      if (mode === false) {
        for (const b of d) printed.push(b);
        return;
      }
      for (const b of d) {
        prefix.push(b);
        const [a, c, n] = prefix;
        if (prefix.length === 1 && a !== DLE && a !== GS) {
          prefix = [];
          print(b);
        } else if (prefix.length === 2 && !((a === DLE && c === EOT) || (a === GS && c === 0x72))) {
          prefix = [];
          if (a !== undefined) print(a);
          print(b);
        } else if (prefix.length === 3 && n !== undefined) {
          prefix = [];
          if (a === DLE) {
            asked.push(`DLE EOT ${n}`);
            answer(realTime(n));
          } else {
            asked.push(`GS r ${n}`);
            // Queued behind the ticket: while printing is stopped, it waits (here, for ever).
            if (!stopped()) answer(queued());
          }
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `tcp://127.0.0.1:${port}`,
    received: () => Buffer.from(printed),
    raw: () => Buffer.concat(raw),
    questions: () => [...asked],
    set: (condition) => Object.assign(state, condition),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
