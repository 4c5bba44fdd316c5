import { Module } from '@nestjs/common';
import { AdminOrganizationsController } from './admin-organizations.controller';
import { AdminScope } from './admin-scope.service';
import { AdminWellbeingController } from './admin-wellbeing.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

@Module({
  controllers: [AdminUsersController, AdminOrganizationsController, AdminWellbeingController],
  providers: [AdminScope, AdminUsersService],
  exports: [AdminScope],
})
export class AdminModule {}
