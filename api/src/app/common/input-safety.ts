import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type FieldProblem, requestProblems } from './validation';

/**
 * Input that PostgreSQL or our own code cannot take, refused with a 400 in one place that every
 * request passes through (before guards, pipes and handlers; see configureApp):
 *
 * - the NUL character (U+0000): a PostgreSQL text cannot hold it. Refused, not stripped: browsers
 *   do not paste it (text pasted from Word arrives without it), so only a broken or hostile client
 *   sends one, and silently changing what someone wrote would hide that;
 * - a lone UTF-16 surrogate (`"\ud800"` in JSON): it would be stored as U+FFFD, changing the text;
 * - the field names `__proto__`, `constructor` and `prototype`;
 * - nesting deeper than {@link MAX_DEPTH} levels (no request of ours nests more than five);
 * - a number outside PostgreSQL's `integer` range (every number we take is stored in one, or in a
 *   narrower range its DTO sets). Numbers in the query string are checked after the validation pipe
 *   has converted them (see createValidationPipe).
 */
export const INTEGER_MIN = -2147483648;
export const INTEGER_MAX = 2147483647;
export const MAX_DEPTH = 16;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string (as a value or a field name), or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (a lone UTF-16 surrogate)';
  return null;
}

/** What is wrong with one number, or null: it must be finite and fit PostgreSQL's integer range. */
export function numberProblem(value: number): string | null {
  if (Number.isNaN(value)) return 'must be a number';
  if (value > INTEGER_MAX) return `must be at most ${INTEGER_MAX}`;
  if (value < INTEGER_MIN) return `must be at least ${INTEGER_MIN}`;
  return null;
}

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/**
 * Every problem in a parsed value (a JSON body, a query object), named by its dotted path
 * (`items.0.text`, like the validation pipe's field names). Iterative, so no depth can overflow
 * the stack; stops after a few problems.
 */
export function inputProblems(root: unknown, options: { numbers: boolean; rootName?: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: options.rootName ?? '', depth: 0 }];
  while (stack.length > 0 && problems.length < 10) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const field = path || 'body';
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ field, messages: [problem] });
    } else if (typeof value === 'number') {
      const problem = options.numbers ? numberProblem(value) : null;
      if (problem) problems.push({ field, messages: [problem] });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) {
        problems.push({ field, messages: [`is nested too deeply (at most ${MAX_DEPTH} levels)`] });
        continue;
      }
      // Own keys only, __proto__ included (JSON.parse makes it an own property).
      for (const key of Object.keys(value)) {
        const keyProblem = FORBIDDEN_KEYS.has(key) ? 'is not allowed as a field name' : textProblem(key);
        if (keyProblem) {
          problems.push({ field: join(path, textProblem(key) ? '(a field name)' : key), messages: [keyProblem] });
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** The address with its %-escapes decoded, or null when they do not decode (broken UTF-8). */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '');
  } catch {
    return null;
  }
}

/**
 * Express middleware, registered after the body parsers and before everything else: checks the
 * address, the query string and the body, and hands a 400 naming the field to the error filter.
 */
export function inputSafetyMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const path = decodedPath(request.originalUrl ?? request.url);
  if (path === null || textProblem(path) || path.length > 2048) {
    next(new BadRequestException('The address contains characters that are not allowed.'));
    return;
  }
  const problems = [...inputProblems(request.query, { numbers: false }), ...inputProblems(request.body, { numbers: true, rootName: '' })];
  next(problems.length > 0 ? requestProblems(problems) : undefined);
}
