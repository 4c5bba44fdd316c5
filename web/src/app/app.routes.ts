import { Route } from '@angular/router';
import { askBeforeLeaving } from './core/unsaved/unsaved-work';
import { adminGuard, authGuard, dashboardGuard, guestGuard, homeGuard } from './core/auth/auth.guard';
import { CORE_TEXTS_ONLY, withFeatureTexts } from './core/i18n/feature-texts';
import { tokenToFragment } from './shared/link-token';

/**
 * Route titles are translation keys (see TranslatedTitleStrategy). Every page asks before leaving unsaved
 * work (askBeforeLeaving) and waits for the features' texts (withFeatureTexts), except the pages a guest
 * opens first, marked CORE_TEXTS_ONLY: they use the core texts only (core-texts.spec.ts checks).
 */
const routes: Route[] = [
  // Nothing renders here: the guard sends each person to their home.
  { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [], data: CORE_TEXTS_ONLY },
  {
    path: 'login',
    data: CORE_TEXTS_ONLY,
    title: 'titles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/auth/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'forgot-password',
    data: CORE_TEXTS_ONLY,
    title: 'titles.forgotPassword',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/password-reset/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  // E-mailed links carry their token in the fragment (#token=…, see shared/link-token.ts); links
  // sent before that (token in the path) are moved to the fragment form.
  {
    path: 'reset-password',
    data: CORE_TEXTS_ONLY,
    title: 'titles.resetPassword',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/password-reset/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  { path: 'reset-password/:token', redirectTo: tokenToFragment('/reset-password') },
  {
    path: 'invitation',
    data: CORE_TEXTS_ONLY,
    title: 'titles.invitation',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/invitation/invitation.page').then((m) => m.InvitationPage),
  },
  { path: 'invitation/:token', redirectTo: tokenToFragment('/invitation') },
  {
    // A heard body's e-mail-only contact answers a statement request through the e-mail's one-time link (no account).
    path: 'statement-link',
    title: 'bodies.titles.statementLink',
    loadComponent: () => import('./features/bodies/statement-link.page').then((m) => m.StatementLinkPage),
  },
  {
    // Children's surveys (issue 14): the official's pages for an assessment's surveys.
    path: 'assessments/:assessmentId/surveys',
    canActivate: [authGuard],
    loadChildren: () => import('./surveys/surveys.routes').then((m) => m.SURVEY_STAFF_ROUTES),
  },
  {
    // A child answers a survey: no sign-in, its own small lazy chunk.
    path: 'survey',
    loadChildren: () => import('./surveys/surveys.routes').then((m) => m.SURVEY_CHILD_ROUTES),
  },
  {
    path: 'assessments',
    canActivate: [authGuard],
    loadChildren: () => import('./features/assessments/assessments.routes').then((m) => m.ASSESSMENT_ROUTES),
  },
  {
    path: 'consultations',
    canActivate: [authGuard],
    loadChildren: () => import('./features/consultation/consultation.routes').then((m) => m.CONSULTATION_ROUTES),
  },
  {
    path: 'notifications',
    title: 'titles.notifications',
    canActivate: [authGuard],
    loadComponent: () => import('./features/notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'profile',
    title: 'titles.profile',
    canActivate: [authGuard],
    loadComponent: () => import('./features/profile/profile.page').then((m) => m.ProfilePage),
  },
  {
    // Issue 13: figures for officials, admins and the regional coordinator.
    path: 'dashboard',
    title: 'dashboard.title',
    canActivate: [authGuard, dashboardGuard],
    loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  {
    path: 'admin',
    title: 'titles.admin',
    canActivate: [authGuard, adminGuard],
    loadComponent: () => import('./features/admin/admin-users.page').then((m) => m.AdminUsersPage),
  },
  // Public statements (linked from every page's footer, signed in or not).
  {
    path: 'privacy',
    title: 'privacyNotice.title',
    data: { statement: 'privacyNotice' },
    loadComponent: () => import('./features/privacy/statement.page').then((m) => m.StatementPage),
  },
  {
    path: 'accessibility',
    title: 'accessibility.title',
    data: { statement: 'accessibility' },
    loadComponent: () => import('./features/privacy/statement.page').then((m) => m.StatementPage),
  },
  {
    // The public register: no sign-in.
    path: 'public',
    loadChildren: () => import('./features/public/public.routes').then((m) => m.PUBLIC_ROUTES),
  },
  {
    path: '**',
    data: CORE_TEXTS_ONLY,
    title: 'titles.notFound',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];

export const appRoutes: Route[] = askBeforeLeaving(withFeatureTexts(routes));
