import { BadRequestException, Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Language, Page, PublicAssessmentPage, RegisterEntry, SignatureVerification } from '@lava/contracts';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { LavaConfig } from '../config/lava-config';
import { RequestLanguage } from '../common/request-language';
import { PublicApiInterceptor } from './public-api.interceptor';
import { documentLanguage } from '../common/document-language';
import { pdfFile } from './publication.controller';
import { RegisterQueryDto } from './publication.dto';
import { PublicRegisterService } from './public-register.service';

const publicId = () => new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The assessment id must be a UUID.') });

/**
 * The public register and its open data: no sign-in, CORS open, ETag, a per-address rate limit.
 * Shaped after the 6Aika open decisions API where it fits: a register entry is a `case`, its
 * decision an `action`, municipalities and committees `organization`s (Popolo).
 */
@ApiTags('public')
@Public()
@UseInterceptors(PublicApiInterceptor)
@ApiTooManyRequestsResponse({ description: 'Too many requests from your address; see Retry-After.' })
@Controller('public')
export class PublicController {
  constructor(
    private readonly register: PublicRegisterService,
    private readonly config: LavaConfig,
  ) {}

  /** Published assessments and screening results, newest first, with filters and keyset pages. */
  @Get('assessments')
  @ApiOkResponse({ description: 'A page of the register; pass nextCursor back as cursor for the next.' })
  @ApiBadRequestResponse({ description: 'A filter is not valid.' })
  list(@Query() query: RegisterQueryDto, @RequestLanguage() language: Language): Promise<Page<RegisterEntry>> {
    return this.register.list(query, language);
  }

  @Get('municipalities')
  @ApiOkResponse({ description: 'Municipalities with published assessments, and how many.' })
  municipalities(@RequestLanguage() language: Language): Promise<{ id: string; name: string; published: number }[]> {
    return this.register.municipalities(language);
  }

  @Get('municipalities/:id/committees')
  @ApiOkResponse({ description: 'Committees of the municipality with published assessments.' })
  committees(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The organization id must be a UUID.') })) id: string,
    @RequestLanguage() language: Language,
  ): Promise<{ id: string; name: string }[]> {
    return this.register.committees(id, language);
  }

  /** One published assessment: summary, record, statements with answers, decision, PDFs, signatures. */
  @Get('assessments/:id')
  @ApiOkResponse({ description: 'The public page of the assessment.' })
  @ApiNotFoundResponse({ description: 'Never published.' })
  @ApiGoneResponse({ description: 'Unpublished; the message gives the reason.' })
  page(@Param('id', publicId()) id: string, @RequestLanguage() language: Language): Promise<PublicAssessmentPage> {
    return this.register.page(id, language);
  }

  @Get('assessments/:id/pdf/:language')
  @ApiParam({ name: 'language', enum: ['fi', 'sv', 'en'] })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The agenda PDF of a published assessment.' })
  @ApiNotFoundResponse({ description: 'Never published, or no PDF made yet.' })
  async pdf(@Param('id', publicId()) id: string, @Param('language') language: string) {
    return pdfFile(await this.register.pdf(id, documentLanguage(language)));
  }

  /** Recomputes a signature: does what is stored today still hash to what was signed? */
  @Get('verify/:hash')
  @ApiParam({ name: 'hash', description: 'The signature hash (64 hex digits), as printed on the PDF.' })
  @ApiOkResponse({ description: '`matches`, and where the record differs from what was signed.' })
  @ApiBadRequestResponse({ description: 'Not a SHA-256 in hex.' })
  @ApiNotFoundResponse({ description: 'No signature has this hash.' })
  verify(@Param('hash') hash: string, @RequestLanguage() language: Language): Promise<SignatureVerification & { published: boolean }> {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new BadRequestException('The hash must be 64 hexadecimal digits (a SHA-256).');
    return this.register.verify(hash, language);
  }

  /** The newest publications as an Atom feed (optionally of one municipality). */
  @Get('feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @ApiProduces('application/atom+xml')
  @ApiQuery({ name: 'municipalityId', required: false })
  @ApiOkResponse({ description: 'Atom 1.0.' })
  async feed(
    @Query('municipalityId') municipalityId: string | undefined,
    @RequestLanguage() language: Language,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (municipalityId !== undefined && !/^[0-9a-f-]{36}$/i.test(municipalityId))
      throw new BadRequestException('The organization id must be a UUID.');
    const self = `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`;
    response.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    return this.register.feed(language, municipalityId, self, this.config.WEB_ORIGIN.replace(/\/$/, ''));
  }
}
