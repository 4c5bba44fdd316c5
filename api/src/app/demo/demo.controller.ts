import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiOkResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { LavaConfig } from '../config/lava-config';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_REGION, DEMO_USERS, DEMO_WELLBEING_COUNTY } from './demo-data';
import { DEMO_COUNTY_USERS, DEMO_PUPIL_COUNCIL } from './seed-bodies';

/** Lets the login page show the demo accounts, only when DEMO_MODE is on (never in production). */
@ApiTags('demo')
@Controller('demo-accounts')
export class DemoController {
  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The demo accounts and their shared password (demo installations only).' })
  @ApiNotFoundResponse({ description: 'This installation is not a demo.' })
  accounts() {
    if (!this.config.DEMO_MODE) throw new NotFoundException();
    return {
      password: DEMO_PASSWORD,
      accounts: DEMO_USERS.map((u) => ({
        email: u.email,
        role: u.role,
        councilOffice: u.councilOffice ?? null,
        heardBody: false,
        municipality: 'municipality' in u.at ? municipalityName(u.at.municipality) : DEMO_REGION.names[0],
      })).concat(
        // The wellbeing services county and the pupil council in its register (issue 13).
        DEMO_COUNTY_USERS.map((u) => ({
          email: u.email,
          role: u.role,
          councilOffice: u.councilOffice ?? null,
          // A pupil council's members hold the council member role on a heard body: not "youth council member".
          heardBody: u.at === 'pupil_council',
          municipality: u.at === 'pupil_council' ? DEMO_PUPIL_COUNCIL[0] : DEMO_WELLBEING_COUNTY.names[0],
        })),
      ),
    };
  }
}

function municipalityName(key: string): string {
  return DEMO_MUNICIPALITIES.find((m) => m.key === key)?.names[0] ?? key;
}
