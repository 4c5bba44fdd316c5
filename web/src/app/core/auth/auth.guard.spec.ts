import { appRoutes } from '../../app.routes';
import { waitsForSession } from './auth.guard';

describe('waitsForSession', () => {
  it('is true for the pages whose guards wait for the session: home, sign-in, signed-in pages, admin', () => {
    for (const path of [
      '/',
      '/login',
      '/assessments',
      '/assessments/5f0c7e0e-1111-4c2b-9c61-0a0b0c0d0e0f',
      '/consultations',
      '/admin',
      '/profile?x=1',
    ])
      expect({ path, waits: waitsForSession(appRoutes, path) }).toEqual({ path, waits: true });
  });

  it('is false for pages anyone opens without a session: a child’s survey, the public register, the statements', () => {
    for (const path of ['/survey/abc', '/public', '/public/assessments/1', '/privacy', '/accessibility', '/no-such-page'])
      expect({ path, waits: waitsForSession(appRoutes, path) }).toEqual({ path, waits: false });
  });
});
