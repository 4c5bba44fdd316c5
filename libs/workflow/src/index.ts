export * from './lib/stages';
