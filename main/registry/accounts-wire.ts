import { z } from 'zod';

/** The registry's accounts API (online only: the kiosk never stores a password). */

export const mobileSchema = z
  .string()
  .regex(/^\+\d{8,15}$/)
  .nullable();
export const deliveryAddressSchema = z.object({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable(),
  postalCode: z.string().regex(/^\d{5}$/),
  city: z.string().min(1).max(100),
});
export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

export const activateRequestSchema = z.object({
  rmNumber: z.string().max(20),
  email: z.string().max(254),
  mobile: mobileSchema,
  password: z.string().min(1).max(200),
});

/**
 * "Ce n'est pas mon adresse": the new address for a pending activation's link, asked with the
 * date of birth the artisan proved at the kiosk (ISO YYYY-MM-DD), which the registry checks too.
 */
export const activationEmailRequestSchema = z.object({
  email: z.string().max(254),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
/** Where the new confirmation e-mail went. */
export const activationEmailResponseSchema = z.object({ email: z.string() });

export const accountStatusSchema = z.object({
  status: z.enum(['none', 'pending', 'active']),
  /** The address the confirmation was sent to, or the account's address. */
  email: z.string().nullable(),
});
export type AccountStatusWire = z.infer<typeof accountStatusSchema>;

export const loginRequestSchema = z.object({ email: z.string().max(254), password: z.string().min(1).max(200) });
export const loginResponseSchema = z.object({ rmNumber: z.string(), email: z.string() });
export const forgotRequestSchema = z.object({ email: z.string().max(254) });

export const profileSchema = z.object({
  email: z.string(),
  /** A new address waiting for its confirmation link, if any. */
  pendingEmail: z.string().nullable(),
  mobile: mobileSchema,
  deliveryAddress: deliveryAddressSchema.nullable(),
});
export type ProfileWire = z.infer<typeof profileSchema>;

/** The `profile-change` operation's payload, delivered through the outbox. */
export const profileChangeSchema = z.object({
  rmNumber: z.string().max(20),
  email: z.string().max(254).optional(),
  mobile: mobileSchema.optional(),
  deliveryAddress: deliveryAddressSchema.nullable().optional(),
});
export type ProfileChange = z.infer<typeof profileChangeSchema>;

/** A one-time download link for a card PDF, made by the registry for a phone to open. */
export const cardLinkRequestSchema = z.object({ rmNumber: z.string().max(20), pdf: z.string().max(400_000) });
export const cardLinkResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });

/** The `card-issuance` operation's payload: a card issued, and how the artisan takes it. */
export const cardIssuanceSchema = z.object({
  rmNumber: z.string().max(20),
  year: z.number().int(),
  delivery: z.enum(['email', 'phone', 'paper', 'pvc']),
  /** The PDF (base64), when the registry must deliver it (e-mail). */
  pdf: z.string().max(400_000).optional(),
  /**
   * For an e-mail, the address the kiosk showed the artisan (who recognised it as theirs): the
   * registry sends the card there only while it is still the account's address, else not at
   * all (an operation may wait in the outbox while the account changes). Absent: the account's.
   */
  email: z.string().max(254).optional(),
});
