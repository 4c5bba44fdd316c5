import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DashboardView, Language } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { DashboardExportQueryDto, DashboardQueryDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Every dashboard table over your scope (your organization, what you administer, or your region), filtered. */
  @Get()
  @ApiOkResponse({ description: 'The filters you may choose from and every table.' })
  @ApiBadRequestResponse({ description: 'A filter that names nothing, or a year out of range.' })
  @ApiForbiddenResponse({ description: 'No dashboard role, or a filter outside your scope.' })
  view(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DashboardQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<DashboardView> {
    return this.dashboard.view(user, query, language);
  }

  /** One table as CSV or XLSX, with headings and codes in your language. */
  @Get('tables/:table')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The table as a file.' })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('table') table: string,
    @Query() query: DashboardExportQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<StreamableFile> {
    const { format = 'csv', ...filters } = query;
    const file = await this.dashboard.export(user, table, filters, format, language);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
  }
}
