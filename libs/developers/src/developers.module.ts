import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from './developer-accounts.module';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthService } from './auth.service';
import { DeveloperDeletionService } from './developer-deletion.service';
import { DevelopersService } from './developers.service';

/** The developers lib with the identity provider: sign-up, sign-in, the caller's developer (the API only). */
@Module({
  imports: [DeveloperAccountsModule],
  providers: [DevelopersService, AuthService, AdminBootstrap, DeveloperDeletionService],
  exports: [DeveloperAccountsModule, DevelopersService, AuthService, AdminBootstrap, DeveloperDeletionService],
})
export class DevelopersModule {}
