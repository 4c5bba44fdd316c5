import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ConsultationDetail, ConsultationView, Language, Page, YouthCouncilOption } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import {
  AddPointDto,
  AdoptStatementDto,
  DispositionDto,
  PlanConsultationDto,
  UpdateConsultationDto,
  UpdatePointDto,
  VersionDto,
} from './consultation.dto';
import { ConsultationBoard } from './consultation-board.service';
import { ConsultationRequests } from './consultation-requests.service';
import { StatementService } from './statements.service';

const NOT_FOUND = 'No such assessment or consultation, or not one you may see.';
const OFFICIAL_ONLY = 'Only the official responsible for the assessment.';
const MEMBERS_ONLY = 'Only members of the consulted youth council.';

/** The official's side: asking youth councils, the status board, extending, withdrawing, answering points. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(
    private readonly board: ConsultationBoard,
    private readonly requests: ConsultationRequests,
    private readonly statements: StatementService,
  ) {}

  @Get('assessments/:id/consultations')
  @ApiOkResponse({ description: 'Staff: every request of every round, newest round first. A council member: their own council’s.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationView[]> {
    return this.board.listForAssessment(user, id, language);
  }

  @Get('assessments/:id/youth-councils')
  @ApiOkResponse({ description: 'The youth councils that may be asked: the municipality’s own, then the others of its region.' })
  @ApiForbiddenResponse({ description: 'Not municipal staff.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  councils(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<YouthCouncilOption[]> {
    return this.board.councilOptions(user, id, language);
  }

  @Post('assessments/:id/consultations')
  @ApiCreatedResponse({ description: 'Planned: sent to the council when the consultation opens.' })
  @ApiBadRequestResponse({ description: 'Not a youth council of the municipality or its region, or a deadline not in the future.' })
  @ApiForbiddenResponse({ description: OFFICIAL_ONLY })
  @ApiConflictResponse({ description: 'Not in draft, or the council is already asked in this round.' })
  plan(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: PlanConsultationDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationView> {
    return this.requests.plan(user, id, body, language);
  }

  @Get('consultations')
  @ApiOkResponse({ description: 'The requests sent to the youth councils you are a member of, newest first (keyset pagination).' })
  mine(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<Page<ConsultationView>> {
    return this.board.mine(user, query, language);
  }

  @Get('consultations/:id')
  @ApiOkResponse({
    description:
      'The request, the plain-language summary, the statement (the official sees it once submitted) and, after the decision, the feedback.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.board.detail(user, id, language);
  }

  @Patch('consultations/:id')
  @ApiOkResponse({ description: 'In draft: the plan changed. Once sent: the deadline extended and the council told.' })
  @ApiBadRequestResponse({ description: 'A deadline not in the future or not later than the current one; the message once sent.' })
  @ApiForbiddenResponse({ description: OFFICIAL_ONLY })
  @ApiConflictResponse({ description: 'A stale version, or the request is closed or withdrawn.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: UpdateConsultationDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationView> {
    return this.requests.update(user, id, body, language);
  }

  @Delete('consultations/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The planned request is removed (never sent).' })
  @ApiForbiddenResponse({ description: OFFICIAL_ONLY })
  @ApiConflictResponse({ description: 'Already sent (withdraw it instead), or a stale version.' })
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Query() query: VersionDto,
  ): Promise<void> {
    return this.requests.remove(user, id, query);
  }

  @Post('consultations/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The official withdrew the request: the council no longer answers it.' })
  @ApiForbiddenResponse({ description: OFFICIAL_ONLY })
  @ApiConflictResponse({ description: 'Not sent, closed, already submitted, or a stale version.' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: VersionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationView> {
    return this.requests.withdrawRequest(user, id, body, language);
  }

  @Put('consultations/:id/points/:pointId/disposition')
  @ApiOkResponse({ description: 'The response (vastine) to one submitted point.' })
  @ApiBadRequestResponse({ description: 'An unknown disposition or section, an empty or too long reason.' })
  @ApiForbiddenResponse({ description: OFFICIAL_ONLY })
  @ApiNotFoundResponse({ description: 'No such point in this council’s statement.' })
  @ApiConflictResponse({ description: 'Not submitted, the review has started, or a stale version.' })
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Param('pointId', uuidPipe('point')) pointId: string,
    @Body() body: DispositionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.requests.answer(user, id, pointId, body, language);
  }

  // ------------------------------------------------------------ the council's statement

  @Post('consultations/:id/points')
  @ApiCreatedResponse({ description: 'A point added to the statement (the statement must be adopted again).' })
  @ApiBadRequestResponse({ description: 'Empty or longer than 5,000 characters.' })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiConflictResponse({ description: 'Submitted, past the deadline, closed, withdrawn, or 50 points already.' })
  addPoint(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: AddPointDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.addPoint(user, id, body.text, language);
  }

  @Patch('consultations/:id/points/:pointId')
  @ApiOkResponse({ description: 'The point’s new text.' })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiConflictResponse({ description: 'Another member saved the point meanwhile (`conflict`), or the statement cannot change now.' })
  updatePoint(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Param('pointId', uuidPipe('point')) pointId: string,
    @Body() body: UpdatePointDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.updatePoint(user, id, pointId, body, language);
  }

  @Delete('consultations/:id/points/:pointId')
  @ApiOkResponse({
    description:
      'The point removed; the others renumbered. It can be brought back for 24 hours; when another member wrote it, they are told who removed it.',
  })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiConflictResponse({ description: 'Changed meanwhile, or the statement cannot change now.' })
  deletePoint(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Param('pointId', uuidPipe('point')) pointId: string,
    @Query() query: VersionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.deletePoint(user, id, pointId, query, language);
  }

  @Post('consultations/:id/points/:pointId/restore')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A removed point brought back to where it stood (undo), within 24 hours of its removal.' })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiNotFoundResponse({ description: 'No such removed point in this council’s statement.' })
  @ApiConflictResponse({ description: 'Removed too long ago, 50 points already, changed meanwhile, or the statement cannot change now.' })
  restorePoint(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Param('pointId', uuidPipe('point')) pointId: string,
    @Body() body: VersionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.restorePoint(user, id, pointId, body, language);
  }

  @Post('consultations/:id/statement/adopt')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The meeting where the council adopted the statement is recorded. Only the council’s chair or secretary records it; any member may then submit.',
  })
  @ApiBadRequestResponse({ description: 'A meeting date in the future or before the council was asked.' })
  @ApiForbiddenResponse({ description: 'Not the chair or secretary of the youth council that was asked.' })
  @ApiConflictResponse({ description: 'The statement changed meanwhile, has no points, or cannot change now.' })
  adopt(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: AdoptStatementDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.adopt(user, id, body, language);
  }

  @Post('consultations/:id/statement/submit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Submitted: the official is told; read-only until withdrawn.' })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiConflictResponse({ description: 'Not adopted, no points, past the deadline, closed, withdrawn, or changed meanwhile.' })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: VersionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.submit(user, id, body, language);
  }

  @Post('consultations/:id/statement/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The council took its statement back to change it; it can submit again until the consultation closes.' })
  @ApiForbiddenResponse({ description: MEMBERS_ONLY })
  @ApiConflictResponse({ description: 'Not submitted, past the deadline, closed, or changed meanwhile.' })
  withdrawStatement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('consultation')) id: string,
    @Body() body: VersionDto,
    @RequestLanguage() language: Language,
  ): Promise<ConsultationDetail> {
    return this.statements.withdrawStatement(user, id, body, language);
  }
}
