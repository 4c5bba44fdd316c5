import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { LANGUAGES, type Language } from '@lava/contracts';

/**
 * The language to answer in: the web app sends its current UI language as the first
 * Accept-Language tag; otherwise the signed-in user's own language; otherwise Finnish.
 */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const request = context.switchToHttp().getRequest();
  return acceptedLanguage(request.headers) ?? request.user?.language ?? 'fi';
});

/** The first Accept-Language tag when it names one of our languages (the web app sends its UI language). */
export function acceptedLanguage(headers: Record<string, string | string[] | undefined>): Language | null {
  const first = String(headers['accept-language'] ?? '')
    .split(',')[0]
    ?.trim()
    .slice(0, 2)
    .toLowerCase();
  return (LANGUAGES as readonly string[]).includes(first) ? (first as Language) : null;
}
