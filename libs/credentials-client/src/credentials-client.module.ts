import { Module } from '@nestjs/common';
import { CredentialsClient } from './credentials.client';

@Module({ providers: [CredentialsClient], exports: [CredentialsClient] })
export class CredentialsClientModule {}
