import { Route } from '@angular/router';
import { staffHomeGuard } from '../../core/auth/auth.guard';
import { askBeforeLeaving } from '../../core/unsaved/unsaved-work';

export const ASSESSMENT_ROUTES: Route[] = askBeforeLeaving([
  {
    path: '',
    title: 'titles.assessments',
    canActivate: [staffHomeGuard],
    loadComponent: () => import('./assessment-list.page').then((m) => m.AssessmentListPage),
  },
  {
    path: 'new',
    title: 'titles.newAssessment',
    loadComponent: () => import('./assessment-new.page').then((m) => m.AssessmentNewPage),
  },
  {
    path: ':id',
    title: 'titles.assessment',
    loadComponent: () => import('./assessment-detail.page').then((m) => m.AssessmentDetailPage),
  },
]);
