import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, Language } from '@lava/contracts';
import type { Request, Response } from 'express';
import { EntityNotFoundError, OptimisticLockVersionMismatchError, QueryFailedError } from 'typeorm';
import { acceptedLanguage } from './request-language';
import { VALIDATION_SUMMARY_START } from './validation';
import type { MessageTranslator } from './messages/message-translation';

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
 * message meant for a person, in the language of the request's Accept-Language (fi, sv; English
 * otherwise); anything unexpected is logged and answered with a bare 500, never a stack trace.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `messages`: every feature's message catalogue (app/api-messages.ts), given by configure-app so common/ depends on no feature. */
  constructor(private readonly messages: MessageTranslator) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    response.status(body.statusCode).json(translateApiError(body, errorLanguage(http.getRequest<Request>()), this.messages));
  }

  private toApiError(exception: unknown): ApiError {
    // The Express adapter wraps body-parser's errors (bad JSON, too large) in an HttpException with
    // body-parser's English text: answer them with our own, translated sentence.
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parserError)) return bodyParserApiError(parserError);
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
    return { statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' };
  }
}

/**
 * The language of the request's first Accept-Language tag (the web app sends its UI language);
 * English when it names none of ours, so scripts and API clients get the language of the docs.
 */
export function errorLanguage(request: Pick<Request, 'headers'> | undefined): Language {
  return request ? (acceptedLanguage(request.headers) ?? 'en') : 'en';
}

/**
 * The error in the reader's language. Messages made of parts are made again from their
 * translated parts: a validation summary from its field problems, a workflow refusal from its reasons.
 */
export function translateApiError(body: ApiError, language: Language, messages: MessageTranslator): ApiError {
  if (language === 'en') return body;
  const t = (text: string) => messages.translate(text, language);
  const translated: ApiError = { ...body, message: t(body.message) };
  if (body.details) {
    translated.details = body.details.map((d) => ({ field: d.field, messages: d.messages.map(t) }));
    if (body.message.startsWith(VALIDATION_SUMMARY_START)) {
      const summary = translated.details.map((d) => `${d.field}: ${d.messages.join('; ')}`).join('. ');
      translated.message = `${t(VALIDATION_SUMMARY_START)} ${summary}`;
    }
  }
  if (body.refusals) {
    translated.refusals = body.refusals.map((r) => ({ ...r, message: t(r.message) }));
    translated.message = translated.refusals.map((r) => r.message).join(' ');
  }
  return translated;
}

function bodyParserApiError(error: { status: number; type: string }): ApiError {
  return {
    statusCode: error.status,
    error: HttpStatus[error.status] ?? 'Error',
    message:
      error.type === 'entity.too.large'
        ? 'The request is too large (at most 100 KB).'
        : error.status === 415 || error.type === 'charset.unsupported' || error.type === 'encoding.unsupported'
          ? 'The request body has an encoding this API does not take (send UTF-8 JSON).'
          : 'The request body is not valid JSON.',
  };
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number' &&
    (error as { status: number }).status >= 400 &&
    (error as { status: number }).status < 500
  );
}
