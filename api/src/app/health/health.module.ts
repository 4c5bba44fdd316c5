import { Module } from '@nestjs/common';
import { RedisClient } from '../queue/redis-client';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, RedisClient] })
export class HealthModule {}
