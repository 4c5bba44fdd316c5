export * from './lib/roles';
export * from './lib/auth';
export * from './lib/pagination';
export * from './lib/assessments';
export * from './lib/notifications';
export * from './lib/health';
export * from './lib/errors';
export * from './lib/queues';
