import { Module } from '@nestjs/common';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthService } from './auth.service';
import { DevelopersRepository } from './developers.repository';
import { DevelopersService } from './developers.service';
import { TierChanger } from './tier-changer';

@Module({
  imports: [KeysModule, TiersModule],
  providers: [DevelopersRepository, DevelopersService, AuthService, AdminBootstrap, TierChanger],
  exports: [DevelopersRepository, DevelopersService, AuthService, AdminBootstrap, TierChanger],
})
export class DevelopersModule {}
