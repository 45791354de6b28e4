import { Module } from '@nestjs/common';
import { ApiKeyReplicaController } from './api-key-replica.controller';

/**
 * For every service but the credentials service (which issues the keys): the tenant API keys it
 * verifies, kept from `api-keys.changed`.
 */
@Module({ controllers: [ApiKeyReplicaController] })
export class ApiKeyReplicaModule {}
