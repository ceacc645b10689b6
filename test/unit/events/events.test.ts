import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSessionHolder } from '../../../main/accounts/session.ts';
import { eventOnTheWire } from '../../../main/api/contract.ts';
import { createActivationWatch } from '../../../main/events/activation-watch.ts';
import { createEventBus } from '../../../main/events/events.ts';
import { createPrinterWatch } from '../../../main/events/printer-watch.ts';
import { memoryLogger } from '../../../main/logging/logger.ts';
import type { KioskEvent } from '../../../main/shared/events.ts';
import type { CardPrinterState } from '../../../main/shared/printers.ts';

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never: ${what}`);
};
const ticks = (n: number) => new Promise((r) => setTimeout(r, n * 10));

describe('the core event bus', () => {
  it('tells every listener, and a listener that throws neither stops the others nor the service that emitted', () => {
    const log = memoryLogger();
    const bus = createEventBus(log);
    const heard: string[] = [];
    bus.subscribe(() => {
      throw new Error('window gone for jean-pierre.muller@example.com');
    });
    const stop = bus.subscribe((e) => heard.push(e.kind));
    bus.emit({ kind: 'mail-confirmed' });
    assert.deepEqual(heard, ['mail-confirmed']);
    assert.match(log.lines.join('\n'), /event-listener-failed/);
    assert.doesNotMatch(log.lines.join('\n'), /example\.com|window gone/, 'the message stays out of the log');
    stop();
    bus.emit({ kind: 'mail-confirmed' });
    assert.deepEqual(heard, ['mail-confirmed'], 'no longer heard once stopped');
    assert.equal(bus.listeners(), 1);
  });
});

describe("the contract's events table", () => {
  it('lets each kind through as it is', () => {
    const all: KioskEvent[] = [
      { kind: 'sync-status', state: 'syncing' },
      { kind: 'mail-confirmed' },
      { kind: 'orders-changed', orderId: 3, jobId: null },
      { kind: 'printer-state', role: 'card' },
    ];
    for (const e of all) assert.deepEqual(eventOnTheWire(e), e);
  });

  it('stops an event that carries more than ids and kinds (a name, an address) or is of no known kind', () => {
    const withName = { kind: 'orders-changed', orderId: 3, jobId: null, name: 'Jean-Pierre MULLER' } as unknown as KioskEvent;
    assert.equal(eventOnTheWire(withName), null);
    const withEmail = { kind: 'mail-confirmed', email: 'camille.durand@gmail.com' } as unknown as KioskEvent;
    assert.equal(eventOnTheWire(withEmail), null);
    assert.equal(eventOnTheWire({ kind: 'shell:open' } as unknown as KioskEvent), null);
  });
});

describe('the activation watch (the registry asked for the waiting screen, which does not poll)', () => {
  const setup = () => {
    const bus = createEventBus(memoryLogger());
    const session = createSessionHolder();
    const heard: string[] = [];
    let asked = 0;
    let registry: 'pending' | 'confirmed' | 'untrusted' | null = 'pending';
    const watch = createActivationWatch({
      bus,
      session,
      everyMs: 10,
      log: memoryLogger(),
      status: async () => {
        asked++;
        return registry;
      },
    });
    return { bus, session, heard, watch, asked: () => asked, confirm: (s: 'confirmed' | 'untrusted' | null) => (registry = s) };
  };

  it('asks nothing while no visit waits, or while no one listens', async () => {
    const { session, watch, asked, bus, heard } = setup();
    session.identified('123123127RM078');
    await ticks(5);
    assert.equal(asked(), 0, 'no visit waits');
    watch.waitFor('123123127RM078');
    await ticks(5);
    assert.equal(asked(), 0, 'no one listens');
    const stop = bus.subscribe((e) => heard.push(e.kind));
    await until(() => asked() > 0, 'asked once someone listens');
    stop();
    watch.stop();
  });

  it('says mail-confirmed once when the registry has the account active, then stops asking', async () => {
    const { session, watch, asked, bus, heard, confirm } = setup();
    bus.subscribe((e) => heard.push(e.kind));
    session.identified('123123127RM078');
    watch.waitFor('123123127RM078');
    await until(() => asked() >= 2, 'asked while pending');
    assert.deepEqual(heard, []);
    confirm(null); // the registry away for a moment: nothing said
    await ticks(3);
    confirm('confirmed');
    await until(() => heard.length > 0, 'confirmed');
    const after = asked();
    await ticks(5);
    assert.deepEqual(heard, ['mail-confirmed']);
    assert.equal(asked(), after, 'no more asking');
    watch.stop();
  });

  it('says account-untrusted once when the registry is not believed, and stops asking: no mail-confirmed after it', async () => {
    const { session, watch, asked, bus, heard, confirm } = setup();
    bus.subscribe((e) => heard.push(e.kind));
    session.identified('123123127RM078');
    watch.waitFor('123123127RM078');
    await until(() => asked() > 0, 'asked while pending');
    confirm('untrusted');
    await until(() => heard.length > 0, 'told');
    const after = asked();
    confirm('confirmed');
    await ticks(5);
    assert.deepEqual(heard, ['account-untrusted']);
    assert.equal(asked(), after, 'no more asking');
    watch.stop();
  });

  it('stops when the visit ends, and never tells the next visitor about the previous one', async () => {
    const { session, watch, asked, bus, heard, confirm } = setup();
    bus.subscribe((e) => heard.push(e.kind));
    session.identified('123123127RM078');
    watch.waitFor('123123127RM078');
    await until(() => asked() > 0, 'asked');
    session.end();
    session.identified('401234562RE067');
    confirm('confirmed');
    await ticks(5);
    assert.deepEqual(heard, []);
    watch.stop();
  });
});

describe('the printer watch (the card printer asked for the console, which does not poll)', () => {
  it('asks only while staff are in and someone listens; says printer-state on a change, not on the first answer', async () => {
    const bus = createEventBus(memoryLogger());
    let state: CardPrinterState = 'spooler-down';
    let staff = false;
    let asked = 0;
    const watch = createPrinterWatch({
      bus,
      everyMs: 10,
      log: memoryLogger(),
      staffPresent: () => staff,
      cardState: async () => {
        asked++;
        return state;
      },
    });
    const heard: string[] = [];
    bus.subscribe((e) => heard.push(e.kind === 'printer-state' ? `${e.kind}:${e.role}` : e.kind));
    await ticks(5);
    assert.equal(asked, 0, 'no staff at the console');
    staff = true;
    await until(() => asked >= 3, 'asked');
    assert.deepEqual(heard, [], 'the first answer is the baseline');
    state = 'ready';
    await until(() => heard.length > 0, 'the change told');
    await ticks(5);
    assert.deepEqual(heard, ['printer-state:card'], 'once per change');
    staff = false;
    await ticks(2);
    const after = asked;
    await ticks(5);
    assert.equal(asked, after, 'staff gone: no more asking');
    watch.stop();
  });
});
