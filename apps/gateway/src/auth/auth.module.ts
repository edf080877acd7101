import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { Logger } from 'pino';
import { KorgooConfig } from '@korgoo/config';
import { KORGOO_CONFIG, SERVICE_LOG } from '@korgoo/platform';
import { FieldCipher, parseFieldKeys } from '@korgoo/platform/core';
import { Accounts } from './accounts';
import { AccountStanding } from './account-standing';
import { AccountsController, AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { PasswordHashing } from './password-hashing';
import { SecondFactor } from './second-factor';
import { SessionTokens } from './session-tokens';
import { SignInAdmissionGate } from './sign-in-admission';
import { SignInFailureCounters } from './sign-in-failures';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [KORGOO_CONFIG],
      // A key object, not a string: jsonwebtoken otherwise tries to parse the secret as a public key on
      // every verification, which costs more than the HMAC itself.
      useFactory: (config: KorgooConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    Accounts,
    AccountStanding,
    AuthGuard,
    PasswordHashing,
    SessionTokens,
    SignInFailureCounters,
    SignInAdmissionGate,
    SecondFactor,
    // Seals names, notes and account display names at rest; shared with the rest of the gateway.
    { provide: FieldCipher, inject: [KORGOO_CONFIG], useFactory: (config: KorgooConfig) => new FieldCipher(parseFieldKeys(config.fieldEncryptionKeys)) },
  ],
  exports: [AuthGuard, AccountStanding, JwtModule, FieldCipher, SignInAdmissionGate],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: Accounts,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.environment !== 'development') return;
    for (const account of DEMO_ACCOUNTS) await this.accounts.ensure(account);
    this.log.info({ accounts: DEMO_ACCOUNTS.map((a) => a.username) }, 'development demo accounts are ready');
  }
}
