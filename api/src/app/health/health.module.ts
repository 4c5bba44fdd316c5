import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** GET /api/health; its Redis connection is the shared RedisClient (RedisClientModule). */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
