import { Module } from '@nestjs/common';
import { SharedRedis } from './shared-redis';

@Module({ providers: [SharedRedis], exports: [SharedRedis] })
export class SharedRedisModule {}
