import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  REVIEW_CHECKLIST_ITEMS,
  type DecisionView,
  type Language,
  type ReviewPerson,
  type ReviewOverview,
  type ReviewRoundView,
} from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { DecisionService } from './decision.service';
import { AssignReviewerDto, UpdateChecklistItemDto } from './review-decision.dto';
import { ReviewChecklist } from './review-checklist.service';
import { ReviewService } from './review.service';
import { ReviewerAssignment } from './reviewer-assignment.service';

/**
 * Review and decision around one assessment. The stage changes themselves (approve, return,
 * record the decision, table) go through `POST /api/assessments/:id/transitions`.
 */
@ApiTags('review and decision')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such assessment, or not one you may see.' })
@Controller('assessments/:id')
export class ReviewDecisionController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly assignment: ReviewerAssignment,
    private readonly checklists: ReviewChecklist,
    private readonly decisions: DecisionService,
  ) {}

  /** Who reviews the assessment and every review round (checklist, comments, return reasons), newest first. */
  @Get('review')
  @ApiOkResponse({ description: 'Reviewers and review rounds.' })
  @ApiForbiddenResponse({ description: 'Not municipal staff: the review is internal.' })
  review(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<ReviewOverview> {
    return this.reviews.overview(user, id);
  }

  /** People the responsible official may ask to review: the municipality's reviewers, not yet assigned. */
  @Get('reviewer-candidates')
  @ApiOkResponse({ description: 'Reviewers of the municipality, by name.' })
  @ApiForbiddenResponse({ description: 'Only the responsible official assigns reviewers.' })
  candidates(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('assessment')) id: string): Promise<ReviewPerson[]> {
    return this.assignment.candidates(user, id);
  }

  @Post('reviewers')
  @ApiCreatedResponse({ description: 'Assigned (assigning someone already assigned changes nothing); in review the reviewer is notified.' })
  @ApiBadRequestResponse({ description: 'The person is not a reviewer of the municipality, or is the responsible official.' })
  @ApiForbiddenResponse({ description: 'Only the responsible official assigns reviewers.' })
  @ApiConflictResponse({ description: 'Reviewers are assigned in draft, consultation or review only.' })
  assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: AssignReviewerDto,
  ): Promise<ReviewOverview> {
    return this.assignment.assign(user, id, body.userId);
  }

  @Delete('reviewers/:userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'No longer asked to review (their checklist work stays in the round).' })
  @ApiForbiddenResponse({ description: 'Only the responsible official assigns reviewers.' })
  @ApiConflictResponse({ description: 'Reviewers are changed in draft, consultation or review only.' })
  unassign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Param('userId', uuidPipe('reviewer')) userId: string,
  ): Promise<void> {
    return this.assignment.unassign(user, id, userId);
  }

  @Put('review/checklist/:item')
  @ApiParam({ name: 'item', enum: REVIEW_CHECKLIST_ITEMS })
  @ApiOkResponse({ description: 'Saved: the current review round at its new version.' })
  @ApiBadRequestResponse({ description: 'Unknown item, or a field is invalid.' })
  @ApiForbiddenResponse({ description: 'Only an assigned reviewer who did not prepare the assessment (`refusals` says why).' })
  @ApiConflictResponse({ description: 'Not in review, or the round changed meanwhile (`conflict` carries the current round).' })
  checklist(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Param('item') item: string,
    @Body() body: UpdateChecklistItemDto,
  ): Promise<ReviewRoundView> {
    return this.checklists.updateChecklistItem(user, id, item, body);
  }

  /** Every decision event (recorded, tabled, returned for more preparation), newest first, with its signer. */
  @Get('decisions')
  @ApiOkResponse({ description: 'The signed decisions.' })
  decisionList(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<DecisionView[]> {
    return this.decisions.list(user, id, language);
  }
}
