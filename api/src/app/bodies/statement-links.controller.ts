import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StatementLinkView } from '@lava/contracts';
import { Public } from '../common/public.decorator';
import { StatementLinkDto, StatementLinkPointsDto } from './bodies.dto';
import { StatementLinks } from './statement-links.service';

/**
 * A body's e-mail-only contact answers through the one-time link of its e-mail, without an account.
 * The token travels in the body (the page read it from the link's fragment), never in a URL.
 */
@ApiTags('statement links')
@Public()
@ApiNotFoundResponse({ description: 'No such link (or a link replaced by a newer e-mail).' })
@ApiGoneResponse({ description: 'The link was used, or the request expired, was withdrawn or closed.' })
@Controller('statement-links')
export class StatementLinksController {
  constructor(private readonly links: StatementLinks) {}

  @Post('open')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The request and the draft kept so far.' })
  open(@Body() body: StatementLinkDto): Promise<StatementLinkView> {
    return this.links.open(body.token);
  }

  @Put('draft')
  @ApiOkResponse({ description: 'The draft is kept.' })
  @ApiConflictResponse({ description: 'The draft was saved in another tab since `version`; the body carries the newer points.' })
  saveDraft(@Body() body: StatementLinkPointsDto): Promise<StatementLinkView> {
    return this.links.saveDraft(body.token, body.points, body.version);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The statement was sent; the link is used up.' })
  submit(@Body() body: StatementLinkPointsDto): Promise<StatementLinkView> {
    return this.links.submit(body.token, body.points, body.version);
  }
}
