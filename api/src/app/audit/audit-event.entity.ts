import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only trail of every transition and edit. A database trigger refuses
 * UPDATE and DELETE on this table (see the initial migration).
 */
@Entity({ name: 'audit_events' })
@Index(['entityType', 'entityId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  /** e.g. `assessment.created`, `assessment.transition` */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'from_stage', type: 'text', nullable: true })
  fromStage!: string | null;

  @Column({ name: 'to_stage', type: 'text', nullable: true })
  toStage!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: Record<string, string | number | boolean | null>;
}
