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
import type {
  CommentChanges,
  CommentPage,
  CommentPermissions,
  CommentThreadPage,
  CommentThreadView,
  Language,
  MentionCandidates,
} from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { CommentsService } from './comments.service';
import {
  CreateCommentDto,
  CreateThreadDto,
  EarlierCommentsQueryDto,
  EditCommentDto,
  FlagCommentDto,
  HideCommentDto,
  ListThreadsQueryDto,
  MentionablesQueryDto,
  StatementStandingDto,
  ThreadStateDto,
} from './dto/comment.dto';
import { SectionChangesService } from './section-changes.service';

const NOT_VISIBLE = 'No such assessment, thread or comment, or not one you may see.';

/**
 * Comment threads on assessment sections. Who may read and write which audience is decided in
 * CommentAccess; a thread or comment one may not see answers 404 like a missing one.
 */
@ApiTags('comments')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: NOT_VISIBLE })
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly changes: SectionChangesService,
  ) {}

  /** What the caller may do with the assessment's comments, and the open threads per section. */
  @Get('assessments/:id/comment-access')
  permissions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<CommentPermissions> {
    return this.comments.permissions(user, id, language);
  }

  /** The threads the caller may see, newest first, optionally of one section or audience. */
  @Get('assessments/:id/comment-threads')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Query() query: ListThreadsQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadPage> {
    return this.comments.list(user, id, query, language);
  }

  @Post('assessments/:id/comment-threads')
  @ApiCreatedResponse({ description: 'The new thread with its first comment.' })
  @ApiBadRequestResponse({
    description: 'A field is missing or invalid (text 1–5,000 characters, quote at most 1,000); the answer names it.',
  })
  @ApiForbiddenResponse({ description: 'You may not write in that audience.' })
  @ApiConflictResponse({ description: 'Not in this stage (staff: draft and review; youth councils: their consultation).' })
  createThread(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: CreateThreadDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.createThread(user, id, body, language);
  }

  /** People who can see a thread of that audience: the @mention picker. */
  @Get('assessments/:id/comment-mentionables')
  mentionables(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Query() query: MentionablesQueryDto,
  ): Promise<MentionCandidates> {
    return this.comments.mentionables(user, id, query);
  }

  /** Sections changed after a youth council commented on them, with the council's "still stands" answer. */
  @Get('assessments/:id/comment-changes')
  sectionChanges(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @RequestLanguage() language: Language,
  ): Promise<CommentChanges> {
    return this.changes.get(user, id, language);
  }

  @Put('assessments/:id/comment-changes/answer')
  @ApiOkResponse({ description: 'Stored for the council and the assessment version.' })
  @ApiForbiddenResponse({ description: 'Only a consulted youth council answers.' })
  @ApiConflictResponse({ description: 'Not during your consultation, or the assessment changed meanwhile.' })
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe('assessment')) id: string,
    @Body() body: StatementStandingDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentChanges> {
    return this.changes.answer(user, id, body, language);
  }

  /** Replies earlier than those the thread view carries (its `earlier.cursor`), oldest first. */
  @Get('comment-threads/:threadId/comments')
  @ApiOkResponse({ description: 'Up to `limit` replies just before the cursor, and whether earlier ones remain.' })
  @ApiBadRequestResponse({ description: 'The cursor is not one this API gave out, or the limit is out of range.' })
  earlier(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', uuidPipe('thread')) threadId: string,
    @Query() query: EarlierCommentsQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentPage> {
    return this.comments.earlierComments(user, threadId, query, language);
  }

  @Post('comment-threads/:threadId/comments')
  @ApiCreatedResponse({ description: 'The thread with the new reply.' })
  @ApiConflictResponse({
    description: 'The thread is resolved, the stage does not allow comments, or the comment answered is hidden or deleted.',
  })
  reply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', uuidPipe('thread')) threadId: string,
    @Body() body: CreateCommentDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.reply(user, threadId, body, language);
  }

  @Post('comment-threads/:threadId/resolve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Already resolved, a stale version, or not in this stage.' })
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', uuidPipe('thread')) threadId: string,
    @Body() body: ThreadStateDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.setResolved(user, threadId, true, body.version, language);
  }

  @Post('comment-threads/:threadId/reopen')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Already open, a stale version, or not in this stage.' })
  reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', uuidPipe('thread')) threadId: string,
    @Body() body: ThreadStateDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.setResolved(user, threadId, false, body.version, language);
  }

  @Patch('comments/:commentId')
  @ApiOkResponse({ description: 'Edited; the earlier text is kept in `revisions`.' })
  @ApiForbiddenResponse({ description: 'Not your comment.' })
  @ApiConflictResponse({ description: 'A stale version, a hidden or deleted comment, or not in this stage.' })
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', uuidPipe('comment')) commentId: string,
    @Body() body: EditCommentDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.edit(user, commentId, body, language);
  }

  @Delete('comments/:commentId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: shown as deleted, the text no longer sent.' })
  @ApiForbiddenResponse({ description: 'Not your comment.' })
  remove(@CurrentUser() user: AuthenticatedUser, @Param('commentId', uuidPipe('comment')) commentId: string): Promise<void> {
    return this.comments.remove(user, commentId);
  }

  @Post('comments/:commentId/flags')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Flagged for the moderators (flagging again replaces your reason).' })
  @ApiConflictResponse({ description: 'Your own comment, or one no longer shown.' })
  flag(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', uuidPipe('comment')) commentId: string,
    @Body() body: FlagCommentDto,
  ): Promise<void> {
    return this.comments.flag(user, commentId, body);
  }

  @Post('comments/:commentId/hide')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Hidden: everyone sees "hidden by a moderator" and the reason; the text stays only in the audit trail.' })
  @ApiForbiddenResponse({ description: 'Only an official of the municipality or an admin moderates.' })
  hide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', uuidPipe('comment')) commentId: string,
    @Body() body: HideCommentDto,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.hide(user, commentId, body, language);
  }

  @Post('comments/:commentId/unhide')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'Only an official of the municipality or an admin moderates.' })
  unhide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', uuidPipe('comment')) commentId: string,
    @RequestLanguage() language: Language,
  ): Promise<CommentThreadView> {
    return this.comments.unhide(user, commentId, language);
  }
}
