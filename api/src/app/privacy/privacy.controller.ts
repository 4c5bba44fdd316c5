import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { ErasureDone, Language, MyDataExport } from '@lava/contracts';
import type { Response } from 'express';
import { AdminGuard } from '../admin/admin.guard';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { EraseUserDto, MyDataQueryDto } from './privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything Lava keeps about you, as a JSON file or a readable HTML page (a download either way). */
  @Get('me/data')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: 'Your data: profile, memberships, what you wrote, notifications, sign-ins, your audit trail.' })
  async myData(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: MyDataQueryDto,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MyDataExport | string> {
    const format = query.format ?? 'json';
    const date = new Date().toISOString().slice(0, 10);
    response.setHeader('Content-Disposition', `attachment; filename="lava-my-data-${date}.${format}"`);
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'json') return this.privacy.myData(user, language);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    return this.privacy.myDataHtml(user, language);
  }

  /**
   * Erases a person on request: name and e-mail replaced by a pseudonym everywhere, the account
   * closed, the council's private discussion they wrote removed, the rest of the record kept; audited
   * with the reason. Only when every membership of the person is within your organizations.
   */
  @Post('admin/users/:id/erase')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  @ApiOkResponse({ description: 'Erased: the pseudonym now shown instead of the person.' })
  @ApiBadRequestResponse({ description: 'No reason given, or your own account.' })
  @ApiForbiddenResponse({ description: 'Not an admin, or the person also belongs to organizations outside yours.' })
  @ApiNotFoundResponse({ description: 'No such person in your organizations (or already erased).' })
  erase(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('user')) id: string,
    @Body() body: EraseUserDto,
    @RequestLanguage() language: Language,
  ): Promise<ErasureDone> {
    return this.privacy.erase(admin, id, body.reason, language);
  }
}
