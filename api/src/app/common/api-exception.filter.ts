import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@lava/contracts';
import type { Response } from 'express';
import { EntityNotFoundError, OptimisticLockVersionMismatchError, QueryFailedError } from 'typeorm';

/** Postgres error codes a client can cause, and what to tell the person. */
const POSTGRES_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '22P02': { status: 400, message: 'A value has the wrong format (for example an id that is not a UUID).' },
  '22007': { status: 400, message: 'A date or time has the wrong format.' },
  '22008': { status: 400, message: 'A date or time is out of range.' },
  '22001': { status: 400, message: 'A text value is too long.' },
  '23502': { status: 400, message: 'A required value is missing.' },
  '23503': { status: 400, message: 'The request refers to something that does not exist.' },
  '23505': { status: 409, message: 'This already exists.' },
  '23514': { status: 400, message: 'A value is not allowed here.' },
  '40001': { status: 409, message: 'Someone else changed this at the same time. Reload and try again.' },
};

/**
 * One error shape for every failure (ApiError). Client mistakes become 4xx with a
 * message meant for a person; anything unexpected is logged and answered with a bare 500,
 * never a stack trace.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const fromPayload = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const message = Array.isArray(fromPayload['message'])
        ? (fromPayload['message'] as string[]).join('; ')
        : typeof fromPayload['message'] === 'string'
          ? (fromPayload['message'] as string)
          : typeof payload === 'string'
            ? payload
            : exception.message;
      // Structured parts a client acts on: field problems, workflow refusals, a version conflict.
      const extras: Partial<ApiError> = {};
      if (fromPayload['details']) extras.details = fromPayload['details'] as ApiError['details'];
      if (fromPayload['refusals']) extras.refusals = fromPayload['refusals'] as ApiError['refusals'];
      if (fromPayload['conflict']) extras.conflict = fromPayload['conflict'] as ApiError['conflict'];
      return { statusCode: status, error: HttpStatus[status] ?? 'Error', message, ...extras };
    }
    if (exception instanceof OptimisticLockVersionMismatchError) {
      return { statusCode: 409, error: 'CONFLICT', message: 'Someone else saved a newer version. Reload to see their changes.' };
    }
    if (exception instanceof EntityNotFoundError) {
      return { statusCode: 404, error: 'NOT_FOUND', message: 'Not found.' };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const known = POSTGRES_CLIENT_ERRORS[code];
      if (known) return { statusCode: known.status, error: HttpStatus[known.status] ?? 'Error', message: known.message };
    }
    if (isBodyParserError(exception)) {
      return {
        statusCode: exception.status,
        error: HttpStatus[exception.status] ?? 'Error',
        message: 'The request body is not valid JSON.',
      };
    }
    return { statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' };
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'status' in error &&
    typeof (error as { status: unknown }).status === 'number'
  );
}
