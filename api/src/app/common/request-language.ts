import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { LANGUAGES, type Language } from '@lava/contracts';

/**
 * The language to answer in: the web app sends its current UI language as the first
 * Accept-Language tag; otherwise the signed-in user's own language; otherwise Finnish.
 */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const request = context.switchToHttp().getRequest();
  const header = String(request.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  if ((LANGUAGES as readonly string[]).includes(first)) return first as Language;
  return request.user?.language ?? 'fi';
});
