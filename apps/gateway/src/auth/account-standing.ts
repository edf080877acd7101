import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { CLOCK } from '@korgoo/platform';
import { Account } from './account.entity';

// How long a replica may trust what it last read: deactivation and role changes reach every replica within it.
export const STANDING_CACHE_MS = 30_000;

interface Standing {
  tokenVersion: number | null;
  readAt: number;
}

/**
 * Whether an access token's version is still the account's current one. Deactivating an account, changing its
 * role or resetting its password bumps the version; this replica forgets at once, others within the cache time.
 */
@Injectable()
export class AccountStanding {
  private readonly cache = new Map<string, Standing>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async isCurrent(accountId: string, tokenVersion: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    let standing = this.cache.get(accountId);
    if (!standing || now - standing.readAt > STANDING_CACHE_MS) {
      const account = await this.dataSource
        .getRepository(Account)
        .findOne({ where: { id: accountId }, select: { id: true, tokenVersion: true, active: true } });
      standing = { tokenVersion: account?.active ? account.tokenVersion : null, readAt: now };
      this.cache.set(accountId, standing);
    }
    return standing.tokenVersion === tokenVersion;
  }

  forget(accountId: string): void {
    this.cache.delete(accountId);
  }
}
