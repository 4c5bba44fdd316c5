import { fileURLToPath } from 'node:url';
import baseConfig from '../eslint.config.mjs';
import lava from './eslint/no-folder-cycles.mjs';

export default [
  ...baseConfig,
  // No folder cycle inside api/src/app (see eslint/no-folder-cycles.mjs); tests may cross folders.
  {
    files: ['src/app/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { lava },
    rules: { 'lava/no-folder-cycles': ['error', { appRoot: fileURLToPath(new URL('./src/app', import.meta.url)) }] },
  },
];
