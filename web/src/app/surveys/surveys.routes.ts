import type { Route } from '@angular/router';
import { authGuard } from '../core/auth/auth.guard';

/** The child's pages (no sign-in; their own small lazy chunks). */
export const SURVEY_CHILD_ROUTES: Route[] = [
  { path: ':id', title: 'surveys.titles.answer', loadComponent: () => import('./survey-answer.page').then((m) => m.SurveyAnswerPage) },
  {
    path: ':id/thanks',
    title: 'surveys.titles.thanks',
    loadComponent: () => import('./survey-thanks.page').then((m) => m.SurveyThanksPage),
  },
];

/** The official's pages under /assessments/:assessmentId/surveys. */
export const SURVEY_STAFF_ROUTES: Route[] = [
  {
    path: '',
    title: 'surveys.titles.list',
    canActivate: [authGuard],
    loadComponent: () => import('./survey-list.page').then((m) => m.SurveyListPage),
  },
  {
    path: 'new',
    title: 'surveys.titles.new',
    canActivate: [authGuard],
    loadComponent: () => import('./survey-builder.page').then((m) => m.SurveyBuilderPage),
  },
  {
    path: ':surveyId/edit',
    title: 'surveys.titles.edit',
    canActivate: [authGuard],
    loadComponent: () => import('./survey-builder.page').then((m) => m.SurveyBuilderPage),
  },
  {
    path: ':surveyId',
    title: 'surveys.titles.results',
    canActivate: [authGuard],
    loadComponent: () => import('./survey-results.page').then((m) => m.SurveyResultsPage),
  },
];
