import type { Route } from '@angular/router';
import { preloadOpeningPage } from './opening-page';

class Page {}

describe('preloadOpeningPage', () => {
  const loaded: string[] = [];
  const page = (name: string) => () => {
    loaded.push(name);
    return Promise.resolve(Page);
  };
  const childRoutes: Route[] = [
    { path: '', loadComponent: page('list') },
    { path: 'new', loadComponent: page('new') },
    { path: ':id', loadComponent: page('detail') },
  ];
  const routes: Route[] = [
    { path: '', pathMatch: 'full', children: [] },
    { path: 'login', loadComponent: page('login') },
    { path: 'reset-password/:token', redirectTo: '/reset-password' },
    { path: 'assessments/:assessmentId/surveys', loadChildren: () => Promise.resolve([{ path: '', loadComponent: page('surveys') }]) },
    {
      path: 'assessments',
      loadChildren: () => {
        loaded.push('assessment routes');
        return Promise.resolve(childRoutes);
      },
    },
    { path: '**', loadComponent: page('not found') },
  ];
  const opening = async (path: string) => {
    loaded.length = 0;
    preloadOpeningPage(routes, path);
    await new Promise((resolve) => setTimeout(resolve));
    return [...loaded];
  };

  it('loads the page of a top-level path', async () => {
    expect(await opening('/login')).toEqual(['login']);
    expect(await opening('/login?returnUrl=%2Fassessments')).toEqual(['login']);
  });

  it('follows lazy children to the page, with parameters', async () => {
    expect(await opening('/assessments')).toEqual(['assessment routes', 'list']);
    expect(await opening('/assessments/new')).toEqual(['assessment routes', 'new']);
    expect(await opening('/assessments/0b6c1d2e-1111-4222-8333-444455556666')).toEqual(['assessment routes', 'detail']);
    expect(await opening('/assessments/0b6c1d2e/surveys')).toEqual(['surveys']);
  });

  it('leaves redirects, unknown paths and the home to the router', async () => {
    expect(await opening('/reset-password/abc')).toEqual([]);
    expect(await opening('/nothing/here')).toEqual([]);
    expect(await opening('/')).toEqual([]);
  });
});
