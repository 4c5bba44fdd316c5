import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView } from '@lava/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthService } from './auth.service';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { User } from '../users/user.entity';
import { UpdateProfileDto } from './profile.dto';

@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly auth: AuthService,
  ) {}

  /** Your own name and language (the language of the interface, e-mails and notifications). */
  @Patch()
  @ApiOkResponse({ description: 'Saved: who you are now.' })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<CurrentUserView> {
    const changes: Partial<User> = {};
    if (body.displayName !== undefined) changes.displayName = body.displayName;
    if (body.language !== undefined) changes.language = body.language;
    if (Object.keys(changes).length > 0) await this.users.update({ id: user.id }, changes);
    return this.auth.describe({ ...user, ...changes });
  }
}
