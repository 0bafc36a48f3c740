import { createHash } from 'node:crypto';

/**
 * Deterministic event id (UUID-shaped, version 8 "custom") derived from the command id and the event's index in the
 * batch. Retrying a command with the same command id produces the same event ids, which the store turns into a no-op.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
