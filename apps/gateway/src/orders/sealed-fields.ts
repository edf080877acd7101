import { FieldCipher } from '@korgoo/platform/core';
import type { ProtectionOrder } from './protection-order.entity';

/**
 * What the gateway seals at rest (libs/platform/src/core/field-cipher.ts): the person's name, the
 * officers' own words and the staff's names on their accounts. Each is bound to its row and field, so a value moved elsewhere does not open.
 */
export const personNameContext = (orderId: string): string => `protection_order:${orderId}:perpetrator.fullName`;
export const noteBodyContext = (noteId: string): string => `order_note:${noteId}:body`;
/** Staff accounts carry a person's name too. */
export const accountNameContext = (accountId: string): string => `account:${accountId}:displayName`;
/** And the secret of an account's second factor. */
export const totpSecretContext = (accountId: string): string => `account:${accountId}:totpSecret`;

/** Null once the retention term has ended and the name was erased. */
export function personNameOf(order: ProtectionOrder, cipher: FieldCipher): string | null {
  return order.perpetrator.fullName === undefined ? null : cipher.open(order.perpetrator.fullName, personNameContext(order.id));
}
