export * from './lib/stages';
export * from './lib/roles';
export * from './lib/facts';
export * from './lib/refusals';
export * from './lib/guards';
export * from './lib/transitions';
export * from './lib/workflow';
export * from './lib/finnish-time';
