import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ProfileController } from './profile.controller';
import { User } from './user.entity';

@Module({ imports: [TypeOrmModule.forFeature([User]), AuthModule], controllers: [ProfileController] })
export class UsersModule {}
