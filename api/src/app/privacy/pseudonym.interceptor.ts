import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Language } from '@lava/contracts';
import { map, type Observable } from 'rxjs';
import { acceptedLanguage } from '../common/request-language';
import { translatePseudonyms } from './pseudonym';

/**
 * Shows an erased person's pseudonym in the language of the request (Accept-Language, else the
 * signed-in user's language, else Finnish), in every JSON answer of every feature: names are
 * read from `users.display_name` in many places, and this keeps the translation in one.
 */
@Injectable()
export class PseudonymInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: { language?: Language } }>();
    return next
      .handle()
      .pipe(map((body: unknown) => translatePseudonyms(body, acceptedLanguage(request.headers) ?? request.user?.language ?? 'fi')));
  }
}
