import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LavaConfig } from '../config/lava-config';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [LavaConfig],
      // No silent retry loop: preflight has already checked the connection, so a failure here is real.
      useFactory: (config: LavaConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), retryAttempts: 0 }),
    }),
  ],
})
export class DatabaseModule {}
