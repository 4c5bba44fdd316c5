import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { inputProblems } from './input-safety';

export /** How every validation summary starts; the error filter translates it as a whole sentence. */
const VALIDATION_SUMMARY_START = 'Please check the request.';

export interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Strict body/query validation: unknown fields are refused, values are converted to
 * the DTO's types, and the 400 names every field with what is wrong with it. After conversion,
 * every number must fit PostgreSQL's integer range (one rule for all DTOs; a DTO whose column is
 * narrower sets its own bounds): `?version=99999999999999999999` is a 400, not a database error.
 */
export function createValidationPipe(): ValidationPipe {
  return new LavaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => requestProblems(flatten(errors)),
  });
}

class LavaValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'custom') return result;
    const rootName = metadata.type === 'param' ? (metadata.data ?? 'path') : metadata.type === 'query' ? (metadata.data ?? '') : '';
    const problems = inputProblems(result, { numbers: true, rootName });
    if (problems.length > 0) throw requestProblems(problems);
    return result;
  }
}

/**
 * The 400 for problems with named fields: "Please check the request." and each field with what is
 * wrong with it, as `details` too. The error filter translates it from the translated details.
 */
export function requestProblems(details: FieldProblem[]): BadRequestException {
  const summary = details.map((d) => `${d.field}: ${d.messages.join('; ')}`).join('. ');
  return new BadRequestException({ message: [VALIDATION_SUMMARY_START, summary].join(' '), details });
}
