import { Route } from '@angular/router';
import { askBeforeLeaving } from '../../core/unsaved/unsaved-work';

export const CONSULTATION_ROUTES: Route[] = askBeforeLeaving([
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
]);
