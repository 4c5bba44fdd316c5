import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANIZATION_KINDS,
  type CreateOrganizationRequest,
  type OrganizationKind,
  type OrganizationNames,
  type RenameOrganizationRequest,
  type SetOrganizationLanguagesRequest,
  SUMMARY_LANGUAGES,
  type SummaryLanguage,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NAME = { message: 'must be 2–200 characters long' };

export class OrganizationNamesDto implements OrganizationNames {
  @ApiProperty({ example: 'Sivistyslautakunta' })
  @Transform(trim)
  @IsString()
  @Length(2, 200, NAME)
  fi!: string;

  @ApiProperty({ example: 'Bildningsnämnden' })
  @Transform(trim)
  @IsString()
  @Length(2, 200, NAME)
  sv!: string;

  @ApiProperty({ example: 'Education Committee' })
  @Transform(trim)
  @IsString()
  @Length(2, 200, NAME)
  en!: string;
}

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of one of your organizations' })
  parentId!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: OrganizationKind;

  @ApiProperty({ type: OrganizationNamesDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => OrganizationNamesDto)
  names!: OrganizationNamesDto;
}

export class RenameOrganizationDto implements RenameOrganizationRequest {
  @ApiProperty({ type: OrganizationNamesDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => OrganizationNamesDto)
  names!: OrganizationNamesDto;
}

export class SetOrganizationLanguagesDto implements SetOrganizationLanguagesRequest {
  @ApiProperty({
    enum: SUMMARY_LANGUAGES,
    isArray: true,
    example: ['fi', 'sv'],
    description: 'The languages the municipality uses; its youth council reads the plain-language summary in each.',
  })
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of languages' })
  @ArrayMinSize(1, { message: 'must name at least one language' })
  @ArrayMaxSize(SUMMARY_LANGUAGES.length, { message: 'must name each language once' })
  @ArrayUnique({ message: 'must name each language once' })
  @IsIn(SUMMARY_LANGUAGES, { each: true, message: `must be one of ${SUMMARY_LANGUAGES.join(', ')}` })
  languages!: SummaryLanguage[];
}
