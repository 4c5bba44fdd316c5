import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export /** How every validation summary starts; the error filter translates it as a whole sentence. */
const VALIDATION_SUMMARY_START = 'Please check the request.';

interface FieldProblem {
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
 * the DTO's types, and the 400 names every field with what is wrong with it.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => requestProblems(flatten(errors)),
  });
}

/**
 * The 400 for problems with named fields: "Please check the request." and each field with what is
 * wrong with it, as `details` too. The error filter translates it from the translated details.
 */
export function requestProblems(details: FieldProblem[]): BadRequestException {
  const summary = details.map((d) => `${d.field}: ${d.messages.join('; ')}`).join('. ');
  return new BadRequestException({ message: [VALIDATION_SUMMARY_START, summary].join(' '), details });
}
