import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from './developer-accounts.module';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthService } from './auth.service';
import { DeveloperApprovalService } from './developer-approval.service';
import { DeveloperDeletionService } from './developer-deletion.service';
import { DevelopersService } from './developers.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** The developers lib with the identity provider: sign-up, sign-in, the caller's developer (the API only). */
@Module({
  imports: [DeveloperAccountsModule],
  providers: [DevelopersService, AuthService, AdminBootstrap, DeveloperApprovalService, DeveloperDeletionService, InvitationsRepository, InvitationsService],
  exports: [DeveloperAccountsModule, DevelopersService, AuthService, AdminBootstrap, DeveloperApprovalService, DeveloperDeletionService, InvitationsService],
})
export class DevelopersModule {}
