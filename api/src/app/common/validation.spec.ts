import { BadRequestException } from '@nestjs/common';
import type { ApiError } from '@lava/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { translateApiError } from './api-exception.filter';
import { API_MESSAGES } from '../api-messages';
import { createValidationPipe, VALIDATION_SUMMARY_START } from './validation';

class InnerDto {
  @IsString()
  name!: string;
}

/** Decorators as DTOs use them without a message of their own: class-validator's English then. */
class DefaultsDto {
  @IsUUID() id!: string;
  @IsUUID('all', { each: true }) ids!: string[];
  @IsString() title!: string;
  @IsString({ each: true }) tags!: string[];
  @IsInt() count!: number;
  @IsInt({ each: true }) counts!: number[];
  @IsNumber() amount!: number;
  @IsBoolean() done!: boolean;
  @IsDateString() day!: string;
  @IsISO8601() at!: string;
  @IsIn(['a', 'b']) kind!: string;
  @IsIn(['a', 'b'], { each: true }) kinds!: string[];
  @IsArray() list!: string[];
  @IsArray() @ArrayMaxSize(2) many!: string[];
  @IsArray() @ArrayMinSize(2) few!: string[];
  @ArrayUnique() unique!: string[];
  @MaxLength(3) short!: string;
  @MinLength(3) long!: string;
  @Length(2, 4) sized!: string;
  @Length(2, 4) sizedLong!: string;
  @Length(2, 4) sizedShort!: string;
  @Min(1) low!: number;
  @Max(9) high!: number;
  @IsNotEmpty() filled!: string;
  @IsDefined() present!: string;
  @IsEmail() email!: string;
  @IsObject() object!: object;
  @IsOptional() @IsString() optional?: string;
  @ValidateNested() @Type(() => InnerDto) inner!: InnerDto;
  @ValidateNested({ each: true }) @Type(() => InnerDto) inners!: InnerDto[];
  // Named like stages: the field name must stay a field name.
  @ValidateNested() @Type(() => InnerDto) decision!: InnerDto;
  @ValidateNested() @Type(() => InnerDto) screening!: InnerDto;
}

const WRONG = {
  id: 'x',
  ids: ['x'],
  title: 1,
  tags: [1],
  count: 1.5,
  counts: [1.5],
  amount: 'x',
  done: 'x',
  day: 'x',
  at: 'x',
  kind: 'c',
  kinds: ['c'],
  list: 'x',
  many: ['a', 'b', 'c'],
  few: ['a'],
  unique: ['a', 'a'],
  short: 'abcd',
  long: 'ab',
  sized: 1,
  sizedLong: 'abcdef',
  sizedShort: 'a',
  low: 0,
  high: 10,
  filled: '',
  email: 'x',
  object: 'x',
  optional: 1,
  inner: { name: 1 },
  inners: ['x'],
  decision: 'x',
  screening: 'x',
  unknownField: 1,
};

async function validationError(value: object): Promise<ApiError> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: DefaultsDto });
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { statusCode: 400, error: 'BAD_REQUEST', ...(error.getResponse() as Pick<ApiError, 'message' | 'details'>) };
  }
  throw new Error('the pipe accepted the body');
}

describe('createValidationPipe and the message catalogue', () => {
  it('answers every wrong field, unknown fields too', async () => {
    const error = await validationError(WRONG);
    expect(error.message.startsWith(VALIDATION_SUMMARY_START)).toBe(true);
    const fields = (error.details ?? []).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['unknownField', 'inner.name', 'inners.0', 'decision', 'present', 'sizedLong']));
    expect(fields).toHaveLength(Object.keys(WRONG).length + 1); // and `present`, which is missing
  });

  it.each(['fi', 'sv'] as const)('has %s for every message class-validator gives', async (language) => {
    const error = await validationError(WRONG);
    const untranslated = (error.details ?? []).flatMap((d) =>
      d.messages.filter((m) => API_MESSAGES.translate(m, language) === m).map((m) => `${d.field}: ${m}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('translates the whole answer, keeping the fields and leaving field names as they are', async () => {
    const error = await validationError({ ...WRONG });
    const fi = translateApiError(error, 'fi', API_MESSAGES);
    expect(fi.details?.map((d) => d.field)).toEqual(error.details?.map((d) => d.field));
    expect(fi.message.startsWith('Tarkista pyyntö. ')).toBe(true);
    expect(fi.message).toContain('unknownField: kenttää unknownField ei tunneta');
    expect(fi.message).toContain('decision: kentän decision pitää olla objekti tai luettelo');
    expect(fi.message).toContain('sizedLong: kenttä sizedLong saa olla enintään 4 merkkiä pitkä');
    expect(fi.message).not.toMatch(/ must | should /);
    const sv = translateApiError(error, 'sv', API_MESSAGES);
    expect(sv.message).toContain('screening: fältet screening måste vara ett objekt eller en lista');
    expect(translateApiError(error, 'en', API_MESSAGES)).toBe(error);
  });
});
