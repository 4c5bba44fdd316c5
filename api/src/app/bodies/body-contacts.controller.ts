import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { BodyContactView, Language } from '@lava/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminGuard } from '../admin/admin.guard';
import { AdminScope } from '../admin/admin-scope.service';
import { AuditService } from '../audit/audit.service';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { uuidPipe } from '../common/uuid.pipe';
import { CreateBodyContactDto } from './bodies.dto';

interface ContactRow {
  id: string;
  organization_id: string;
  name: string;
  email: string;
  language: Language;
}

/**
 * A heard body's e-mail-only contacts (issue 13): people without an account who answer a request
 * through a one-time link. An admin of the body's organization keeps the list; a contact added
 * after a request was sent gets the body's next requests.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@ApiNotFoundResponse({ description: 'Not one of the caller’s organizations.' })
@UseGuards(AdminGuard)
@Controller('admin/organizations/:id/contacts')
export class BodyContactsController {
  constructor(
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  async list(@CurrentUser() admin: AuthenticatedUser, @Param('id', uuidPipe('organization')) id: string): Promise<BodyContactView[]> {
    await this.body(admin, id);
    const rows: ContactRow[] = await this.db.query(
      `SELECT id, organization_id, name, email, language FROM body_contacts WHERE organization_id = $1 ORDER BY name, id`,
      [id],
    );
    return rows.map(view);
  }

  @Post()
  @ApiBadRequestResponse({ description: 'Not a heard body, or a field is wrong.' })
  async create(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Body() body: CreateBodyContactDto,
  ): Promise<BodyContactView> {
    await this.body(admin, id);
    const row = await this.db.transaction(async (tx) => {
      const [taken] = await tx.query(`SELECT 1 FROM body_contacts WHERE organization_id = $1 AND lower(email) = lower($2)`, [
        id,
        body.email,
      ]);
      if (taken) throw new ConflictException('This body already has a contact with this e-mail address.');
      const [created]: ContactRow[] = await tx.query(
        `INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, $2, $3, $4)
         RETURNING id, organization_id, name, email, language`,
        [id, body.name, body.email, body.language],
      );
      if (!created) throw new Error('insert returned nothing');
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: id,
        action: 'organization.contact_added',
        details: { contactId: created.id },
      });
      return created;
    });
    return view(row);
  }

  /** Corrects a contact's name, address or language; their next e-mails follow it (a link already sent keeps working). */
  @Put(':contactId')
  @ApiBadRequestResponse({ description: 'Not a heard body, or a field is wrong.' })
  async update(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Param('contactId', uuidPipe('contact')) contactId: string,
    @Body() body: CreateBodyContactDto,
  ): Promise<BodyContactView> {
    await this.body(admin, id);
    const row = await this.db.transaction(async (tx) => {
      const [taken] = await tx.query(`SELECT 1 FROM body_contacts WHERE organization_id = $1 AND lower(email) = lower($2) AND id <> $3`, [
        id,
        body.email,
        contactId,
      ]);
      if (taken) throw new ConflictException('This body already has a contact with this e-mail address.');
      const [rows]: [ContactRow[], number] = await tx.query(
        `UPDATE body_contacts SET name = $3, email = $4, language = $5 WHERE id = $1 AND organization_id = $2
         RETURNING id, organization_id, name, email, language`,
        [contactId, id, body.name, body.email, body.language],
      );
      const [updated] = rows;
      if (!updated) throw new NotFoundException('No such contact.');
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: id,
        action: 'organization.contact_changed',
        details: { contactId },
      });
      return updated;
    });
    return view(row);
  }

  @Delete(':contactId')
  @HttpCode(204)
  async remove(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Param('contactId', uuidPipe('contact')) contactId: string,
  ): Promise<void> {
    await this.body(admin, id);
    await this.db.transaction(async (tx) => {
      const [rows]: [{ id: string }[], number] = await tx.query(
        `DELETE FROM body_contacts WHERE id = $1 AND organization_id = $2 RETURNING id`,
        [contactId, id],
      );
      if (rows.length === 0) throw new NotFoundException('No such contact.');
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: id,
        action: 'organization.contact_removed',
        details: { contactId },
      });
    });
  }

  private async body(admin: AuthenticatedUser, id: string): Promise<void> {
    const ids = await this.scope.organizationIds(admin.id);
    const [row]: { kind: string }[] = ids.includes(id) ? await this.db.query(`SELECT kind FROM organizations WHERE id = $1`, [id]) : [];
    if (!row) throw new NotFoundException('No such organization among yours.');
    if (row.kind !== 'heard_body') throw new BadRequestException('Only a heard body (not a youth council) has e-mail-only contacts.');
  }
}

function view(row: ContactRow): BodyContactView {
  return { id: row.id, organizationId: row.organization_id, name: row.name, email: row.email, language: row.language };
}
