import { Route } from '@angular/router';
import { askBeforeLeaving } from '../../core/unsaved/unsaved-work';

/** A youth council member's pages (the official opens a request from the assessment's board). */
export const CONSULTATION_ROUTES: Route[] = askBeforeLeaving([
  {
    path: '',
    title: 'youth.titles.home',
    loadComponent: () => import('./council-home.page').then((m) => m.CouncilHomePage),
  },
  {
    path: ':id',
    title: 'consultation.titles.one',
    loadComponent: () => import('./consultation.page').then((m) => m.ConsultationPage),
  },
  {
    path: ':id/read',
    title: 'youth.titles.read',
    loadComponent: () => import('./draft-read.page').then((m) => m.DraftReadPage),
  },
  {
    path: ':id/feedback',
    title: 'youth.titles.feedback',
    loadComponent: () => import('./feedback.page').then((m) => m.FeedbackPage),
  },
]);
