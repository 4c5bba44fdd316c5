import { Route } from '@angular/router';

export const CONSULTATION_ROUTES: Route[] = [
  {
    path: '',
    title: 'consultation.titles.mine',
    loadComponent: () => import('./my-consultations.page').then((m) => m.MyConsultationsPage),
  },
  {
    path: ':id',
    title: 'consultation.titles.one',
    loadComponent: () => import('./consultation.page').then((m) => m.ConsultationPage),
  },
];
