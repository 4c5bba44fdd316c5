import { Global, Module } from '@nestjs/common';
import { RedisClient } from './redis-client';

/** The one plain Redis connection (RedisClient), for every module of the API. */
@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisClientModule {}
