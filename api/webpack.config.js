const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../dist/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // One build, four processes: the API, the worker, and the two one-shot commands.
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: './src/worker.ts' },
        { entryName: 'migrate', entryPath: './src/migrate.ts' },
        { entryName: 'seed-demo', entryPath: './src/seed-demo.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      assets: [],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
