import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AgendaDocumentView, PublicationStatus } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { documentLanguage } from '../common/document-language';
import { uuidPipe } from '../common/uuid.pipe';
import { PublishDto, UnpublishDto } from './publication.dto';
import { PublicationService } from './publication.service';

/** The agenda PDFs and the publication of one assessment, for those who may read it. */
@ApiTags('publication')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such assessment, or not one you may see.' })
@Controller('assessments/:id')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  /** The agenda PDFs in each language: pending, ready (with SHA-256) or failed. */
  @Get('documents')
  @ApiOkResponse({ description: 'One entry per language asked for so far.' })
  documents(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<AgendaDocumentView[]> {
    return this.publication.documents(user, id);
  }

  /** Makes the agenda PDFs again now (the worker does it; they are also made at every stage change). */
  @Post('documents')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Queued; poll GET documents.' })
  request(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<AgendaDocumentView[]> {
    return this.publication.requestDocuments(user, id);
  }

  @Get('documents/:language')
  @ApiParam({ name: 'language', enum: ['fi.pdf', 'sv.pdf', 'en.pdf'] })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The newest PDF in that language; its SHA-256 in the `Digest`-style header `X-Content-SHA256`.' })
  @ApiBadRequestResponse({ description: 'Not fi, sv or en.' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Param('language') language: string,
  ): Promise<StreamableFile> {
    const pdf = await this.publication.document(user, id, documentLanguage(language));
    return pdfFile(pdf);
  }

  @Get('publication')
  @ApiOkResponse({ description: 'Whether it is published, may be published, and the version to send with a change.' })
  status(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<PublicationStatus> {
    return this.publication.status(user, id);
  }

  /** Publishes a decided assessment or a signed screening result (signed and audited). */
  @Post('publication')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Published.' })
  @ApiForbiddenResponse({ description: 'Only the responsible official or the chair of the deciding committee.' })
  @ApiConflictResponse({ description: 'Not decided (or screened out) yet, or someone changed the publication meanwhile.' })
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: PublishDto,
  ): Promise<PublicationStatus> {
    return this.publication.publish(user, id, body.version);
  }

  /** Takes it off the public register, with a reason that the register shows (audited). */
  @Post('publication/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Unpublished.' })
  @ApiForbiddenResponse({ description: 'Only the responsible official or the chair of the deciding committee.' })
  @ApiConflictResponse({ description: 'Not published, or someone changed the publication meanwhile.' })
  unpublish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: UnpublishDto,
  ): Promise<PublicationStatus> {
    return this.publication.unpublish(user, id, body.version, body.reason);
  }
}

export function pdfFile(pdf: { content: Buffer; sha256: string; filename: string }): StreamableFile {
  return new StreamableFile(pdf.content, {
    type: 'application/pdf',
    disposition: `attachment; filename="${pdf.filename}"`,
    length: pdf.content.length,
  });
}
