import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type {
  Language,
  Page,
  PublicSurvey,
  SurveyAnswerResult,
  SurveyFreeText,
  SurveyListItem,
  SurveyResults,
  SurveyView,
  SurveyViewsEntry,
} from '@lava/contracts';
import { CurrentUser, type AuthenticatedUser } from '../common/authenticated-user';
import { documentLanguage } from '../common/document-language';
import { Public } from '../common/public.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { SurveyPoster } from './survey-poster';
import { SurveyRateLimitInterceptor } from './survey-rate-limit.interceptor';
import { ModerateFreeTextDto, SurveyAnswerDto, SurveyDto, UpdateSurveyDto } from './surveys.dto';
import { SurveysService } from './surveys.service';

const surveyId = () => new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The survey id must be a UUID.') });
const textId = () => new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The answer text id must be a UUID.') });

/** Staff: an assessment's surveys, their results, moderation, the poster and the summary for the record. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly poster: SurveyPoster,
  ) {}

  @Get('assessments/:id/surveys')
  @ApiOkResponse({ description: 'The assessment’s surveys, newest first (keyset pages).' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveyListItem>> {
    return this.surveys.list(user, id, query.limit, query.cursor);
  }

  @Post('assessments/:id/surveys')
  @ApiCreatedResponse({ description: 'The survey; its closing is scheduled.' })
  @ApiBadRequestResponse({ description: 'A field is not valid; each is named.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() dto: SurveyDto,
  ): Promise<SurveyView> {
    return this.surveys.create(user, id, dto);
  }

  @Get('assessments/:id/survey-views')
  @ApiOkResponse({ description: 'Survey summaries added to the record’s children’s views.' })
  views(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<SurveyViewsEntry[]> {
    return this.surveys.viewsEntries(user, id);
  }

  @Get('surveys/:id')
  @ApiOkResponse({ description: 'The survey as the official edits it.' })
  @ApiNotFoundResponse({ description: 'No such survey, or not yours to read.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', surveyId()) id: string): Promise<SurveyView> {
    return this.surveys.get(user, id);
  }

  @Put('surveys/:id')
  @ApiOkResponse({ description: 'Saved; a moved closing is rescheduled.' })
  @ApiConflictResponse({ description: 'Someone saved meanwhile, or children answered and the questions would change.' })
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', surveyId()) id: string, @Body() dto: UpdateSurveyDto): Promise<SurveyView> {
    return this.surveys.update(user, id, dto);
  }

  @Delete('surveys/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its answers.' })
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id', surveyId()) id: string): Promise<void> {
    return this.surveys.remove(user, id);
  }

  @Get('surveys/:id/results')
  @ApiOkResponse({ description: 'Counts per question and age band; cells under the minimum are null.' })
  results(@CurrentUser() user: AuthenticatedUser, @Param('id', surveyId()) id: string): Promise<SurveyResults> {
    return this.surveys.results(user, id);
  }

  @Get('surveys/:id/free-texts')
  @ApiOkResponse({ description: 'Free texts to moderate (hidden ones never), newest first.' })
  freeTexts(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', surveyId()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveyFreeText>> {
    return this.surveys.freeTexts(user, id, query.limit, query.cursor);
  }

  @Patch('surveys/:id/free-texts/:textId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Kept, or hidden for good (its words erased).' })
  moderate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', surveyId()) id: string,
    @Param('textId', textId()) text: string,
    @Body() dto: ModerateFreeTextDto,
  ): Promise<void> {
    return this.surveys.moderate(user, id, text, dto.status);
  }

  @Get('surveys/:id/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Counts (suppressed cells empty) and the kept free texts; hidden texts never.' })
  async exportCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', surveyId()) id: string,
    @RequestLanguage() language: Language,
  ): Promise<StreamableFile> {
    const csv = Buffer.from('\uFEFF' + (await this.surveys.exportCsv(user, id, language)), 'utf8');
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="survey-${id}.csv"` });
  }

  @Post('surveys/:id/views')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The summary now in the record’s children’s views (method "survey").' })
  @ApiConflictResponse({ description: 'Fewer answers than the minimum: nothing to summarize yet.' })
  addToViews(@CurrentUser() user: AuthenticatedUser, @Param('id', surveyId()) id: string): Promise<SurveyViewsEntry> {
    return this.surveys.addToViews(user, id);
  }

  @Get('surveys/:id/poster/:language')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'An A4 poster with the link and its QR code.' })
  async posterPdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', surveyId()) id: string,
    @Param('language') language: string,
  ): Promise<StreamableFile> {
    const survey = await this.surveys.get(user, id);
    const pdf = await this.poster.render(survey, documentLanguage(language));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="survey-poster-${language}.pdf"`,
      length: pdf.length,
    });
  }
}

/** The child's side: no account, no cookie, nothing about the child stored. */
@ApiTags('surveys')
@Public()
@Controller('public/surveys')
export class PublicSurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The survey in all its languages.' })
  @ApiNotFoundResponse({ description: 'No such survey.' })
  get(@Param('id', surveyId()) id: string): Promise<PublicSurvey> {
    return this.surveys.publicSurvey(id);
  }

  @Post(':id/answers')
  @HttpCode(200)
  @UseInterceptors(SurveyRateLimitInterceptor)
  @ApiOkResponse({ description: 'Recorded (or recorded before: a retry with the same id counts once).' })
  @ApiBadRequestResponse({ description: 'An answer is not valid (too long, unknown choice, wrong class code), in the child’s language.' })
  @ApiGoneResponse({ description: 'The survey has closed.' })
  @ApiConflictResponse({ description: 'The survey has not opened yet.' })
  @ApiTooManyRequestsResponse({ description: 'Too many answers from one address; see Retry-After.' })
  answer(@Param('id', surveyId()) id: string, @Body() dto: SurveyAnswerDto): Promise<SurveyAnswerResult> {
    return this.surveys.answer(id, dto);
  }
}
