import type { Route } from '@angular/router';

/** The public register: no sign-in. */
export const PUBLIC_ROUTES: Route[] = [
  { path: '', title: 'public.titles.register', loadComponent: () => import('./register.page').then((m) => m.RegisterPage) },
  {
    path: 'assessments/:id',
    title: 'public.titles.assessment',
    loadComponent: () => import('./public-assessment.page').then((m) => m.PublicAssessmentPageComponent),
  },
  { path: 'verify/:hash', title: 'public.titles.verify', loadComponent: () => import('./verify.page').then((m) => m.VerifyPage) },
];
