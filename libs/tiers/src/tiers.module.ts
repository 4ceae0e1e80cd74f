import { Module } from '@nestjs/common';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

@Module({ providers: [TiersRepository, TiersService], exports: [TiersService] })
export class TiersModule {}
