import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RandomSource } from './random-source';

@Global()
@Module({ providers: [Clock, RandomSource], exports: [Clock, RandomSource] })
export class CommonModule {}
