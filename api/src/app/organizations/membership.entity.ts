import type { CouncilOffice, Role } from '@lava/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Organization } from './organization.entity';

/** A user's role in one organization. A user may hold several. */
@Entity({ name: 'memberships' })
@Index(['organizationId', 'role'])
export class Membership {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: Role;

  /** The youth council's chair or secretary (one of each per council); null otherwise. */
  @Column({ name: 'council_office', type: 'text', nullable: true })
  councilOffice!: CouncilOffice | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
