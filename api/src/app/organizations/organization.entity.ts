import type { Language, OrganizationKind, SummaryLanguage } from '@lava/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One node of the organization tree: region → municipality / wellbeing county →
 * committees and the youth council. Names are kept in all three product languages.
 */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organization | null;

  @Column({ name: 'name_fi', type: 'text' })
  nameFi!: string;

  @Column({ name: 'name_sv', type: 'text' })
  nameSv!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** The languages a municipality uses (Finnish, Swedish or both); its youth council reads the plain-language summary in them. */
  @Column({ type: 'text', array: true, default: () => "'{fi}'" })
  languages!: SummaryLanguage[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export function organizationName(org: Pick<Organization, 'nameFi' | 'nameSv' | 'nameEn'>, language: Language): string {
  return language === 'sv' ? org.nameSv : language === 'en' ? org.nameEn : org.nameFi;
}
