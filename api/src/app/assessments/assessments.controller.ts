import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AssessmentSummary, Language, Page } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentDto } from './dto/create-assessment.dto';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

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
    @Query() query: PageQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<Page<AssessmentSummary>> {
    return this.assessments.list(user, query.limit, query.cursor, language);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such assessment, or not one you may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<AssessmentSummary> {
    return this.assessments.get(user, id, language);
  }
}
