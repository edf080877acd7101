import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { Account } from './account.entity';
import { SessionResponse } from './auth.dto';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 12 * 3600;

/** The claims of an access token; `tv` is the account's token version when it was signed. */
export interface AccessClaims {
  sub: string;
  role: Account['role'];
  centreId: string | null;
  unitId: string | null;
  tv: number;
}

interface RefreshRow {
  id: string;
  family_id: string;
  account_id: string;
  token_version: number;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const STALE = 'the refresh token is invalid, expired or revoked; sign in again';

/**
 * Short-lived access tokens (JWT) and opaque refresh tokens. A refresh token is stored only as its SHA-256,
 * works once and is replaced by the next one of its family; presenting a used one again means it was copied,
 * so the whole family is revoked.
 */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(account: Account, tx: EntityManager): Promise<SessionResponse> {
    return this.issue(account, randomUUID(), tx);
  }

  async rotate(refreshToken: string): Promise<SessionResponse> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const [row]: RefreshRow[] = await tx.query(
        `SELECT id, family_id, account_id, token_version, expires_at, used_at, revoked_at
           FROM gateway.refresh_token WHERE token_hash = $1 FOR UPDATE`,
        [digest(refreshToken)],
      );
      if (!row) return { refused: 'unknown' as const };
      const now = this.clock.now();
      if (row.used_at || row.revoked_at) {
        await this.revokeFamily(tx, row.family_id, now);
        return { refused: 'reused' as const, row };
      }
      const account = await tx.getRepository(Account).findOne({ where: { id: row.account_id } });
      if (row.expires_at <= now || !account?.active || account.tokenVersion !== row.token_version) {
        await this.revokeFamily(tx, row.family_id, now);
        return { refused: 'stale' as const, row };
      }
      await tx.query('UPDATE gateway.refresh_token SET used_at = $2 WHERE id = $1', [row.id, now]);
      return { session: await this.issue(account, row.family_id, tx), account };
    });
    if ('session' in outcome && outcome.session) {
      await this.audit.record(actorOf(outcome.account!), 'refresh', 'session', null);
      return outcome.session;
    }
    const family = 'row' in outcome ? (outcome.row?.family_id ?? null) : null;
    // A reused token is the one sign of a stolen session that the server sees: it is recorded as such.
    await this.audit.refusal(null, 'refresh', outcome.refused === 'reused' ? 'session_reuse' : 'session', family);
    throw new UnauthorizedException(STALE);
  }

  /** Ends the session the refresh token belongs to; an unknown token is not an error (already signed out). */
  async end(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [row]: RefreshRow[] = await tx.query('SELECT id, family_id, account_id FROM gateway.refresh_token WHERE token_hash = $1', [
        digest(refreshToken),
      ]);
      if (!row) return;
      await this.revokeFamily(tx, row.family_id, this.clock.now());
      const account = await tx.getRepository(Account).findOneOrFail({ where: { id: row.account_id } });
      await this.audit.record(actorOf(account), 'sign_out', 'account', account.id, tx);
    });
  }

  /** Every session of the account, e.g. on deactivation, role change or a new password. */
  async endAll(accountId: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE gateway.refresh_token SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [
      accountId,
      this.clock.now(),
    ]);
  }

  private async revokeFamily(tx: EntityManager, familyId: string, now: Date) {
    await tx.query('UPDATE gateway.refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
  }

  private async issue(account: Account, familyId: string, tx: EntityManager): Promise<SessionResponse> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.query(
      `INSERT INTO gateway.refresh_token (id, family_id, account_id, token_hash, token_version, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), familyId, account.id, digest(refreshToken), account.tokenVersion, now, new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000)],
    );
    const claims: AccessClaims = {
      sub: account.id,
      role: account.role,
      centreId: account.centreId,
      unitId: account.unitCode,
      tv: account.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(
      { ...claims, iat: Math.floor(now.getTime() / 1000) },
      { expiresIn: ACCESS_TOKEN_SECONDS, algorithm: 'HS256' },
    );
    return {
      accessToken,
      expiresInSeconds: ACCESS_TOKEN_SECONDS,
      refreshToken,
      refreshExpiresInSeconds: REFRESH_TOKEN_SECONDS,
      role: account.role,
      centreId: account.centreId,
      unitId: account.unitCode,
    };
  }
}

/** The database guarantees a centre account has its centre (CHECK on gateway.account). */
export function actorOf(account: Account): Actor {
  const accountId = account.id;
  switch (account.role) {
    case 'centre':
      if (!account.centreId) throw new Error(`centre account ${accountId} has no centre`);
      return { role: 'centre', accountId, centreId: account.centreId };
    case 'police':
      return { role: 'police', accountId, unitId: account.unitCode };
    default:
      return { role: account.role, accountId };
  }
}

// Refresh tokens carry 256 random bits, so a fast hash is enough: nobody can guess one from its digest.
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
