import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@lava/contracts';
import { LavaConfig } from '../config/lava-config';
import { redisConnection } from './redis-connection';

/** BullMQ wiring shared by the API (producer) and the worker (consumer). */
@Module({})
export class QueueModule {
  static register(mode: 'producer' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [LavaConfig],
          useFactory: (config: LavaConfig) => ({
            connection: redisConnection(config.REDIS_URL, mode),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
            // A producer must not wait for Redis: adding fails fast and the outbox relay catches up.
            skipWaitingForReady: mode === 'producer',
          }),
        }),
        BullModule.registerQueue({ name: QUEUES.notifications }, { name: QUEUES.documents }),
      ],
      exports: [BullModule],
    };
  }
}
