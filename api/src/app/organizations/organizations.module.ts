import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller';
import { OrganizationsService } from './organizations.service';

@Module({
  controllers: [CommitteesController],
  providers: [OrganizationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
