import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getVariableValues, visit, type DocumentNode } from 'graphql';
import { ErrorCode, userError } from '../errors.ts';

/** NUL, which PostgreSQL cannot store in text, and UTF-16 surrogates without their pair. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The longest variable error message sent back; graphql-js prints the whole offending value. */
const MAX_MESSAGE_LENGTH = 300;

/** Path (e.g. `input.name`, `lines.3`) of the first unstorable string in a JSON value. */
function unstorableIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableIn(inner, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Literal scans by document: Apollo reuses the parsed document of a text it has seen. */
const scanned = new WeakMap<DocumentNode, { found: string | undefined }>();

/** The name of the argument (or input field) holding the first unstorable string literal. */
function unstorableLiteral(document: DocumentNode): string | undefined {
  const known = scanned.get(document);
  if (known) return known.found;
  let found: string | undefined;
  let holder = '';
  visit(document, {
    Argument: { enter: (node) => void (holder = node.name.value) },
    ObjectField: { enter: (node) => void (holder = node.name.value) },
    StringValue(node) {
      if (found === undefined && UNSTORABLE.test(node.value)) found = holder;
    },
  });
  scanned.set(document, { found });
  return found;
}

/**
 * Checks every input value once, where every process receives it, before any resolver or database
 * sees it:
 * - a string with a NUL character (or an unpaired surrogate), in a variable or a literal argument,
 *   is BAD_USER_INPUT naming where it was: PostgreSQL refuses NUL in text, which surfaced as
 *   INTERNAL_SERVER_ERROR from whichever mutation stored it;
 * - variables are coerced with at most one error reported, its message cut short: graphql-js
 *   reports every unknown key of an input object separately, each printing the whole object, so
 *   1,000 keys made an 11 MB answer and 5,000 kept the router busy for half a minute.
 * Execution coerces the variables again, which is cheap once they are known to be valid.
 */
export function inputValuesPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const field = unstorableIn(request.variables ?? {}, '') ?? unstorableLiteral(document);
          if (field !== undefined) {
            throw userError(
              ErrorCode.BadUserInput,
              'Strings may not contain the NUL character (U+0000) or unpaired UTF-16 surrogates.',
              { field, http: { status: 400 } },
            );
          }
          if (!operation?.variableDefinitions?.length) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions, request.variables ?? {}, {
            maxErrors: 1,
          });
          const [first] = coerced.errors ?? [];
          if (!first) return;
          const message =
            first.message.length > MAX_MESSAGE_LENGTH
              ? `${first.message.slice(0, MAX_MESSAGE_LENGTH)}…`
              : first.message;
          throw userError(ErrorCode.BadUserInput, message, { http: { status: 400 } });
        },
      };
    },
  };
}
