import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';

/** The user entity. The signed-in person's own profile (PATCH /profile) is served by auth/profile.controller.ts. */
@Module({ imports: [TypeOrmModule.forFeature([User])] })
export class UsersModule {}
