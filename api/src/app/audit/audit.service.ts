import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorUserId: string | null;
  entityType: 'assessment' | 'user' | 'organization';
  entityId: string;
  action: string;
  fromStage?: string | null;
  toStage?: string | null;
  reason?: string | null;
  details?: AuditEvent['details'];
}

@Injectable()
export class AuditService {
  /** Appends to the audit trail inside the caller's transaction, so the trail and the change commit together. */
  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    const events = tx.getRepository(AuditEvent);
    await events.save(
      events.create({
        actorUserId: entry.actorUserId,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        fromStage: entry.fromStage ?? null,
        toStage: entry.toStage ?? null,
        reason: entry.reason ?? null,
        details: entry.details ?? {},
      }),
    );
  }
}
