import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  AssessmentDetail,
  AssessmentSummary,
  AssessmentVersionComparison,
  AssessmentVersionPage,
  Language,
  Page,
} from '@lava/contracts';
import type { AvailableAction } from '@lava/workflow';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { AssessmentRecordService } from './assessment-record.service';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentDto } from './dto/create-assessment.dto';
import { ListAssessmentsQueryDto } from './dto/list-assessments.query';
import { TransitionDto, UpdateAssessmentDto } from './dto/update-assessment.dto';
import { CompareVersionsQueryDto, VersionHistoryQueryDto } from './dto/version-history.query';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly record: AssessmentRecordService,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The assessment, in screening.' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; the answer names it.' })
  @ApiForbiddenResponse({ description: 'You are not an official of the committee’s municipality.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateAssessmentDto,
    @RequestLanguage() language: Language,
  ): Promise<AssessmentSummary> {
    return this.assessments.create(user, body, language);
  }

  @Get()
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListAssessmentsQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<Page<AssessmentSummary>> {
    return this.assessments.list(user, query, language);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such assessment, or not one you may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<AssessmentDetail> {
    return this.record.detail(user, id, language);
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'Saved: the assessment at its new version.' })
  @ApiConflictResponse({
    description: 'A newer version was saved meanwhile (`conflict` says what changed), or the stage does not allow editing.',
  })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: UpdateAssessmentDto,
    @RequestLanguage() language: Language,
  ): Promise<AssessmentDetail> {
    return this.record.update(user, id, body, language);
  }

  /** Every action out of the current stage, with whether the caller may take it now and why not. */
  @Get(':id/actions')
  actions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<readonly AvailableAction[]> {
    return this.record.actions(user, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Moved: the assessment in its new stage.' })
  @ApiConflictResponse({ description: 'Refused by the workflow (`refusals` lists every reason) or a stale version.' })
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: TransitionDto,
    @RequestLanguage() language: Language,
  ): Promise<AssessmentDetail> {
    return this.record.transition(user, id, body, language);
  }

  /** The saved versions, newest first, a page at a time: who changed which fields, from what to what. */
  @Get(':id/versions')
  @ApiOkResponse({
    description: 'One page of versions, newest first; `nextCursor` (a version number) goes back as `before` for older ones.',
  })
  @ApiBadRequestResponse({ description: '`limit` or `before` is not a whole number in range; the answer names it.' })
  @ApiNotFoundResponse({ description: 'No such assessment, or not one you may see.' })
  versions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Query() query: VersionHistoryQueryDto,
  ): Promise<AssessmentVersionPage> {
    return this.record.history(user, id, query);
  }

  /** What differs between two versions: each field changed in between, its values at both, and who changed it. */
  @Get(':id/versions/compare')
  @ApiOkResponse({
    description:
      'Every field changed in versions (from, to]: its value at `from` and at `to`, how many changes, who made them; a field changed back is flagged `changedBack`.',
  })
  @ApiBadRequestResponse({ description: '`from` or `to` is missing or not a whole number, or `from` is not lower than `to`.' })
  @ApiNotFoundResponse({ description: 'No such assessment (or not one you may see), or it has no such version.' })
  compareVersions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Query() query: CompareVersionsQueryDto,
  ): Promise<AssessmentVersionComparison> {
    return this.record.compare(user, id, query.from, query.to);
  }
}
