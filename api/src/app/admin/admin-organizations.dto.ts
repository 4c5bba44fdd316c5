import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BODY_TYPES,
  type BodyType,
  OIDC_EMAIL_DOMAINS_MAX,
  ORGANIZATION_KINDS,
  type OidcEmailDomainsRequest,
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
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
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

  @ApiPropertyOptional({ enum: BODY_TYPES, description: 'What a heard body is (required for `heard_body`, refused otherwise).' })
  @IsOptional()
  @IsIn(BODY_TYPES, { message: `must be one of ${BODY_TYPES.join(', ')}` })
  bodyType?: BodyType;

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

/** A domain name such as kotka.fi: labels of letters, digits and hyphens, at least two, lower case. */
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const normalizedDomains = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((d: unknown) => (typeof d === 'string' ? d.trim().toLowerCase().replace(/^@/, '') : d)))]
    : value;

export class OidcEmailDomainsDto implements OidcEmailDomainsRequest {
  @ApiProperty({ type: [String], maxItems: OIDC_EMAIL_DOMAINS_MAX, example: ['kotka.fi'] })
  @Transform(normalizedDomains)
  @IsArray({ message: 'must be a list of domain names' })
  @ArrayMaxSize(OIDC_EMAIL_DOMAINS_MAX, { message: `must name at most ${OIDC_EMAIL_DOMAINS_MAX} domains` })
  @IsString({ each: true, message: 'must be a list of domain names' })
  @Matches(DOMAIN, { each: true, message: 'must hold only domain names such as kotka.fi (no @, spaces or addresses)' })
  domains!: string[];
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
