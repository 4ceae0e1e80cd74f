import { Module } from '@nestjs/common';
import { RandomSource } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { ApiKeyCodec } from './api-key-codec';
import { KeyCapacity } from './key-capacity';
import { KeyGatewayStateService } from './key-gateway-state.service';
import { KeyRevocations } from './key-revocations';
import { KeySealer } from './key-sealer';
import { resolveKeySealingSecret } from './key-sealing-secret';
import { KeysRepository } from './keys.repository';
import { KeysService } from './keys.service';
import { ManagedKeysService } from './managed-keys.service';

@Module({
  providers: [
    ApiKeyCodec,
    KeysRepository,
    KeysService,
    KeyGatewayStateService,
    ManagedKeysService,
    KeyCapacity,
    KeyRevocations,
    {
      provide: KeySealer,
      inject: [AppConfig, RandomSource],
      useFactory: async (config: AppConfig, random: RandomSource) => new KeySealer(await resolveKeySealingSecret(config), random),
    },
  ],
  exports: [KeysService, KeyGatewayStateService, ManagedKeysService, KeySealer, ApiKeyCodec, KeyCapacity, KeyRevocations],
})
export class KeysModule {}
