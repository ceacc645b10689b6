/**
 * The kiosk's writes for the registry, as the outbox records them. The store owns the list
 * (it keeps and orders these operations); the registry's wire format (registry/wire.ts)
 * takes it from here, so the two cannot drift apart. Imports nothing.
 */
export const OPERATION_TYPES = ['profile-change', 'photo', 'card-issuance', 'pvc-order-event', 'audit-event'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** One operation as the outbox hands it to the registry client (wire.ts's `Operation`). */
export type OutboxOperation = { idempotencyKey: string; type: OperationType; at: string; payload: Record<string, unknown> };
