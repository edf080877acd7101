import { ExternalChannel } from '@korgoo/contracts';
import { FieldCipher } from '@korgoo/platform/core';

export type ChannelAddresses = Array<{ channel: ExternalChannel; address: string }>;

/**
 * Contact addresses (e-mails, phones, Telegram chats) are sealed at rest (libs/platform/src/core/field-cipher.ts),
 * bound to the recipient they reach: `recipient:<key>:address`. An intent's plan copies the sealed values as
 * they are, so they open with the same binding; a value moved to another recipient does not open.
 */
export class ContactAddresses {
  constructor(private readonly cipher: FieldCipher) {}

  get activeKeyId(): string {
    return this.cipher.activeKeyId;
  }

  /** Stored values whose address is not yet sealed under the active key match this SQL LIKE pattern's negation. */
  get currentPattern(): string {
    return `enc1.${this.cipher.activeKeyId}.%`;
  }

  seal(recipientKey: string, channels: ChannelAddresses): ChannelAddresses {
    return channels.map(({ channel, address }) => ({ channel, address: this.cipher.seal(address, contextOf(recipientKey)) }));
  }

  open(recipientKey: string, channels: ChannelAddresses): ChannelAddresses {
    return channels.map(({ channel, address }) => ({ channel, address: this.openOne(recipientKey, address) }));
  }

  openOne(recipientKey: string, stored: string): string {
    return this.cipher.open(stored, contextOf(recipientKey));
  }

  /** The channels with every address sealed under the active key; null when they already were. */
  refresh(recipientKey: string, channels: ChannelAddresses): ChannelAddresses | null {
    if (!channels.some(({ address }) => this.cipher.isStale(address))) return null;
    return channels.map(({ channel, address }) => ({ channel, address: this.cipher.refresh(address, contextOf(recipientKey)) }));
  }
}

const contextOf = (recipientKey: string) => `recipient:${recipientKey}:address`;
