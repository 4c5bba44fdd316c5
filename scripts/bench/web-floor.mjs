// The floor `npm run bench:web` measures Lava's pages against: a bare Angular app built with this
// repository's own Angular and builder, served by the same web server with the same compression. It has what
// every Lava page has at the framework level (the router, HttpClient, a lazily loaded page) and draws a
// heading and a table of six rows fetched as JSON, like the assessment list; nothing of Lava's (no
// translations, session, header or workflow code). What Lighthouse gives it on this machine is what
// the framework leaves for an app's own start-up.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, repoRoot } from '../lib/env.mjs';

const FILES = {
  'angular.json': JSON.stringify({
    version: 1,
    cli: { analytics: false },
    projects: {
      floor: {
        projectType: 'application',
        root: '',
        sourceRoot: 'src',
        architect: {
          build: {
            builder: '@angular/build:application',
            options: { outputPath: 'dist', browser: 'src/main.ts', index: 'src/index.html', tsConfig: 'tsconfig.json' },
            configurations: { production: { outputHashing: 'all' } },
            defaultConfiguration: 'production',
          },
        },
      },
    },
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      strict: true,
      lib: ['ES2022', 'dom'],
      skipLibCheck: true,
      isolatedModules: true,
    },
    files: ['src/main.ts', 'src/list.page.ts'],
  }),
  'src/index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Floor</title>
    <base href="/" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="A bare Angular page" />
  </head>
  <body>
    <app-root></app-root>
  </body>
</html>
`,
  'src/main.ts': `import { Component, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { bootstrapApplication } from '@angular/platform-browser';
import { RouterLink, RouterOutlet, provideRouter } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  template: '<header><a routerLink="/">Home</a></header><main><router-outlet /></main>',
})
class App {}

bootstrapApplication(App, {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(),
    provideRouter([{ path: '', loadComponent: () => import('./list.page').then((m) => m.ListPage) }]),
  ],
}).catch((error) => console.error(error));
`,
  'src/list.page.ts': `import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';

interface Row { id: string; title: string; stage: string }

@Component({
  selector: 'app-list-page',
  template: \`<h1>Assessments</h1>
    <table>
      <thead><tr><th>Title</th><th>Stage</th></tr></thead>
      <tbody>@for (row of rows(); track row.id) {<tr><td>{{ row.title }}</td><td>{{ row.stage }}</td></tr>}</tbody>
    </table>\`,
})
export class ListPage {
  protected readonly rows = signal<Row[]>([]);
  constructor() {
    inject(HttpClient).get<{ items: Row[] }>('/rows.json').subscribe((page) => this.rows.set(page.items));
  }
}
`,
};

const ROWS = {
  items: Array.from({ length: 6 }, (_, i) => ({
    id: String(i + 1),
    title: `Lasten ja nuorten harrastusseteli 2027, osa ${i + 1}`,
    stage: 'draft',
  })),
};

/** Builds the floor app in a temporary folder; resolves to the folder with its index.html and a function that removes it all. */
export async function buildFloorApp() {
  const dir = await mkdtemp(join(tmpdir(), 'lava-web-floor-'));
  await mkdir(join(dir, 'src'));
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
  await new Promise((resolve, reject) => {
    const build = spawn(join(repoRoot, 'node_modules', '.bin', 'ng'), ['build'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      // node_modules/.bin first: the repository's Node (24) runs the Angular CLI, whatever `node` is here.
      env: childEnv({ NG_CLI_ANALYTICS: 'false' }),
    });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the bare Angular app failed (exit ${code})`))));
  });
  const browserDir = join(dir, 'dist', 'browser');
  await writeFile(join(browserDir, 'rows.json'), JSON.stringify(ROWS));
  return { browserDir, remove: () => rm(dir, { recursive: true, force: true }) };
}
