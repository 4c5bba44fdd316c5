import { DynamicModule, Global, Module } from '@nestjs/common';
import { LavaConfig } from './lava-config';

/** Makes the one validated LavaConfig injectable everywhere (inject the class itself). */
@Global()
@Module({})
export class LavaConfigModule {
  static forRoot(config: LavaConfig): DynamicModule {
    return {
      module: LavaConfigModule,
      providers: [{ provide: LavaConfig, useValue: config }],
      exports: [LavaConfig],
    };
  }
}
