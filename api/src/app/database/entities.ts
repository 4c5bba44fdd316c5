import { Assessment } from '../assessments/assessment.entity';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { RECORD_CONTENT_ENTITIES } from '../assessments/record-content/record-content.entities';
import { AuditEvent } from '../audit/audit-event.entity';
import { CONSULTATION_ENTITIES } from '../consultations/consultation.entities';
import { PasswordReset } from '../auth/password-reset.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Notification } from '../notifications/notification.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Membership } from '../organizations/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  Organization,
  User,
  Membership,
  Assessment,
  AuditEvent,
  Notification,
  RefreshToken,
  AssessmentVersion,
  NotificationPreference,
  Invitation,
  PasswordReset,
  ...RECORD_CONTENT_ENTITIES,
  ...CONSULTATION_ENTITIES,
];
