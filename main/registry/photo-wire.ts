import { z } from 'zod';

/** A JPEG as base64: 200 KB of photo (DESIGN.md §6) is about 273,000 characters. */
const jpegBase64 = z.string().min(8).max(300_000);

/**
 * The `photo` operation's payload (POST /v1/operations): the ID photo validated at a kiosk.
 * The registry keeps the newest per artisan, by the operation's `at` (when the kiosk took it).
 */
export const photoChangeSchema = z.object({ rmNumber: z.string().max(20), jpeg: jpegBase64 });
export type PhotoChange = z.infer<typeof photoChangeSchema>;

/** `GET /v1/artisans/{rmNumber}/photo`: the artisan's ID photo, and when it was taken. */
export const artisanPhotoSchema = z.object({
  rmNumber: z.string().max(20),
  /** The JPEG, base64 (35:45, at most 200 KB). */
  jpeg: jpegBase64,
  /** When the kiosk took it (the `at` of its operation, ISO 8601). */
  takenAt: z.string().max(40),
});
export type ArtisanPhoto = z.infer<typeof artisanPhotoSchema>;
