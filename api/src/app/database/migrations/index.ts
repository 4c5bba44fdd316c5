import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { RefreshTokens1764100000000 } from './1764100000000-refresh-tokens';
import { ScreeningAndVersions1764200000000 } from './1764200000000-screening-and-versions';
import { NotificationDelivery1764300000000 } from './1764300000000-notification-delivery';
import { InvitationsAndResets1764400000000 } from './1764400000000-invitations-and-resets';
import { OneYouthCouncil1764500000000 } from './1764500000000-one-youth-council';
import { AssessmentListFilters1764600000000 } from './1764600000000-assessment-list-filters';
import { RecordContent1764700000000 } from './1764700000000-record-content';
import { ReviewAndDecision1764710000000 } from './1764710000000-review-and-decision';
import { Consultations1764720000000 } from './1764720000000-consultations';
import { Comments1764730000000 } from './1764730000000-comments';
import { ScheduledEvents1764740000000 } from './1764740000000-scheduled-events';
import { ConsultationDeadlineIndex1764750000000 } from './1764750000000-consultation-deadline-index';
import { CouncilOffices1764760000000 } from './1764760000000-council-offices';
import { Privacy1764820000000 } from './1764820000000-privacy';
import { Publication1764860000000 } from './1764860000000-publication';
import { StatementPointRemoval1764850000000 } from './1764850000000-statement-point-removal';
import { SummaryLanguages1764851000000 } from './1764851000000-summary-languages';
import { RealAssessments1764830000000 } from './1764830000000-real-assessments';
import { InvitationsPerScope1764800000000 } from './1764800000000-invitations-per-scope';
import { ConsultationSentVersion1764800000001 } from './1764800000001-consultation-sent-version';
import { OidcIdentities1764800000002 } from './1764800000002-oidc-identities';
import { SessionStartedAt1764800000003 } from './1764800000003-session-started-at';
import { ShownName1764910000000 } from './1764910000000-shown-name';
import { CalendarFeeds1764930000000 } from './1764930000000-calendar-feeds';
import { Surveys1764950000000 } from './1764950000000-surveys';
import { RegionalCoordinatorDashboard1764970000000 } from './1764970000000-regional-coordinator-dashboard';
import { HeardBodies1764960000000 } from './1764960000000-heard-bodies';

/** Every migration, in order. Imported explicitly so the bundled API needs no file globbing. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  RefreshTokens1764100000000,
  ScreeningAndVersions1764200000000,
  NotificationDelivery1764300000000,
  InvitationsAndResets1764400000000,
  OneYouthCouncil1764500000000,
  AssessmentListFilters1764600000000,
  RecordContent1764700000000,
  ReviewAndDecision1764710000000,
  Consultations1764720000000,
  Comments1764730000000,
  ScheduledEvents1764740000000,
  ConsultationDeadlineIndex1764750000000,
  CouncilOffices1764760000000,
  Privacy1764820000000,
  Publication1764860000000,
  StatementPointRemoval1764850000000,
  SummaryLanguages1764851000000,
  RealAssessments1764830000000,
  InvitationsPerScope1764800000000,
  ConsultationSentVersion1764800000001,
  OidcIdentities1764800000002,
  SessionStartedAt1764800000003,
  ShownName1764910000000,
  CalendarFeeds1764930000000,
  Surveys1764950000000,
  RegionalCoordinatorDashboard1764970000000,
  HeardBodies1764960000000,
];
