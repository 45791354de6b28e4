import { Module } from '@nestjs/common';
import { UserPagesController } from './user-pages.controller';

@Module({ controllers: [UserPagesController] })
export class UserPagesModule {}
