import type http from 'node:http';
import { photoChangeSchema } from '../registry/photo-wire.ts';
import type { Operation } from '../registry/wire.ts';
import type { WriteDb } from '../store/database.ts';
import type { RegistryStore } from './registry-store.ts';

/**
 * The artisans' ID photos on the reference registry: one per artisan, the newest by the time
 * the kiosk took it (an older photo delivered late, after an outage, replaces nothing). The
 * photo is the artisan's until replaced: every kiosk of the chamber gets it back.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS artisan_photos (
  rm_number TEXT PRIMARY KEY,
  jpeg BLOB NOT NULL,
  taken_at TEXT NOT NULL,
  kiosk_id TEXT NOT NULL
) STRICT;`;

type Json = (res: http.ServerResponse, status: number, body: string) => void;

export async function openPhotos(registry: RegistryStore) {
  const db: WriteDb = registry.db;
  await db.transaction((tx) => tx.exec(SCHEMA));

  return {
    /** A `photo` operation applied for the first time: kept unless a newer photo is there. */
    async apply(op: Operation, kioskId: string): Promise<void> {
      if (op.type !== 'photo') return;
      const photo = photoChangeSchema.safeParse(op.payload);
      if (!photo.success || Number.isNaN(Date.parse(op.at))) return;
      const jpeg = Buffer.from(photo.data.jpeg, 'base64');
      await db.transaction(async (tx) => {
        const last = await tx.get<{ taken_at: string }>('SELECT taken_at FROM artisan_photos WHERE rm_number = ?', [photo.data.rmNumber]);
        if (last && Date.parse(last.taken_at) > Date.parse(op.at)) return;
        await tx.run(
          `INSERT INTO artisan_photos (rm_number, jpeg, taken_at, kiosk_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (rm_number) DO UPDATE SET jpeg = excluded.jpeg, taken_at = excluded.taken_at, kiosk_id = excluded.kiosk_id`,
          [photo.data.rmNumber, jpeg, new Date(op.at).toISOString(), kioskId],
        );
      });
    },

    /** GET /v1/artisans/{rmNumber}/photo (bearer-authenticated by the caller). */
    async api(req: http.IncomingMessage, res: http.ServerResponse, path: string, json: Json): Promise<boolean> {
      const m = /^\/v1\/artisans\/([0-9A-Z]{14})\/photo$/.exec(path);
      if (req.method !== 'GET' || !m?.[1]) return false;
      const rmNumber = m[1];
      const row = await db.get<{ jpeg: Buffer; taken_at: string }>('SELECT jpeg, taken_at FROM artisan_photos WHERE rm_number = ?', [rmNumber]);
      if (row) json(res, 200, JSON.stringify({ rmNumber, jpeg: Buffer.from(row.jpeg).toString('base64'), takenAt: row.taken_at }));
      else if (await registry.byRmNumber(rmNumber)) json(res, 404, JSON.stringify({ error: { code: 'NO_PHOTO', message: 'this artisan has no photo yet' } }));
      else json(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no artisan with this RM number' } }));
      return true;
    },
  };
}
