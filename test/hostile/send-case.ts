import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { createRouterIdentitySigner, ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import type { Viewer } from '#lib/auth/viewer';
import { BASE_ENV } from '#test/harness/system';
import type { Caller, HostileCase, Target } from './corpus.ts';

/** What the corpus needs from a running system: where each target listens, and real ids to tamper with. */
export interface CorpusContext {
  urls: Record<Target, string>;
  admin: { viewer: Viewer; token: string };
  customer: { viewer: Viewer; token: string };
  /** Values for `@name@` placeholders in bodies. */
  placeholders: Record<string, string>;
}

export interface CaseResult {
  status: number;
  /** The parsed JSON answer, or undefined when the answer was not JSON. */
  json: unknown;
  text: string;
  ms: number;
}

const encoder = new TextEncoder();
const ACCESS = { issuer: 'commerce-accounts', audience: 'commerce-supergraph', kid: 'default' };
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const accessToken = async (
  overrides: {
    secret?: string;
    alg?: string;
    kid?: string;
    issuer?: string;
    audience?: string;
    expired?: boolean;
  } = {},
) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'ADMIN' })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256', kid: overrides.kid ?? ACCESS.kid })
    .setSubject('00000000-0000-0000-0000-000000000001')
    .setIssuer(overrides.issuer ?? ACCESS.issuer)
    .setAudience(overrides.audience ?? ACCESS.audience)
    .setIssuedAt(overrides.expired ? now - 7_200 : now)
    .setExpirationTime(overrides.expired ? now - 3_600 : now + 3_600)
    .sign(encoder.encode(overrides.secret ?? BASE_ENV.JWT_SECRET));
};

const identity = async (
  overrides: { secret?: string; audience?: string; expired?: boolean } = {},
  viewer: Viewer | null = { userId: '00000000-0000-0000-0000-000000000001', role: 'ADMIN' },
) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(viewer ? { role: viewer.role } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer?.userId ?? '')
    .setIssuer('commerce-router')
    .setAudience(overrides.audience ?? 'commerce-subgraphs')
    .setJti('hostile')
    .setIssuedAt(overrides.expired ? now - 7_200 : now)
    .setExpirationTime(overrides.expired ? now - 3_600 : now + 60)
    .sign(encoder.encode(overrides.secret ?? BASE_ENV.ROUTER_SIGNING_SECRET));
};

const unsigned = (header: object, payload: object) => `${base64url(header)}.${base64url(payload)}.`;
const signIdentity = createRouterIdentitySigner(BASE_ENV.ROUTER_SIGNING_SECRET);

/** The headers that present `caller` at a target: an access token at the router, an identity at a subgraph. */
async function callerHeaders(
  caller: Caller,
  atRouter: boolean,
  context: CorpusContext,
): Promise<Record<string, string>> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const asIdentity = (token: string) => ({ [ROUTER_IDENTITY_HEADER]: token });
  const now = Math.floor(Date.now() / 1000);
  switch (caller) {
    case 'anonymous':
      return atRouter ? {} : asIdentity(await signIdentity({ requestId: 'hostile', viewer: null }));
    case 'customer':
    case 'admin':
      return atRouter
        ? bearer(context[caller].token)
        : asIdentity(await signIdentity({ requestId: 'hostile', viewer: context[caller].viewer }));
    case 'expired-token':
      return bearer(await accessToken({ expired: true }));
    case 'alg-none-token':
      return bearer(
        unsigned(
          { alg: 'none', kid: ACCESS.kid },
          { sub: 'x', role: 'ADMIN', iss: ACCESS.issuer, aud: ACCESS.audience, exp: now + 60 },
        ),
      );
    case 'other-key-token':
      return bearer(await accessToken({ secret: 'another-secret-that-is-long-enough-0123456789' }));
    case 'hs512-token':
      return bearer(await accessToken({ alg: 'HS512' }));
    case 'wrong-audience-token':
      return bearer(await accessToken({ audience: 'someone-else' }));
    case 'wrong-issuer-token':
      return bearer(await accessToken({ issuer: 'someone-else' }));
    case 'unknown-kid-token':
      return bearer(await accessToken({ kid: 'nope' }));
    case 'garbage-token':
      return bearer('abc.def.ghi');
    case 'huge-token':
      return bearer('a'.repeat(8_000));
    case 'no-identity':
      return {};
    case 'forged-identity':
      return asIdentity(await identity({ secret: 'another-secret-that-is-long-enough-0123456789' }));
    case 'expired-identity':
      return asIdentity(await identity({ expired: true }));
    case 'alg-none-identity':
      return asIdentity(
        unsigned(
          { alg: 'none' },
          { sub: 'x', role: 'ADMIN', iss: 'commerce-router', aud: 'commerce-subgraphs', jti: 'x', exp: now + 60 },
        ),
      );
    case 'wrong-audience-identity':
      return asIdentity(await identity({ audience: 'someone-else' }));
  }
}

const withPlaceholders = (text: string, placeholders: Record<string, string>) =>
  text.replace(/@(\w+)@/g, (whole, name: string) => placeholders[name] ?? whole);

function encodedBody(
  text: string,
  encoding: HostileCase['encoding'],
): { body: Uint8Array | string; headers: Record<string, string> } {
  switch (encoding) {
    case undefined:
      return { body: text, headers: {} };
    case 'gzip':
      return { body: gzipSync(text), headers: { 'content-encoding': 'gzip' } };
    case 'gzip-truncated': {
      const zipped = gzipSync(text);
      return { body: zipped.subarray(0, zipped.length - 12), headers: { 'content-encoding': 'gzip' } };
    }
    case 'not-gzip':
      return { body: text, headers: { 'content-encoding': 'gzip' } };
    case 'not-deflate':
      return { body: text, headers: { 'content-encoding': 'deflate' } };
    case 'br-garbage':
      return { body: text, headers: { 'content-encoding': 'br' } };
  }
}

/** Sends one corpus case to one target and reads the whole answer. */
export async function sendCase(testCase: HostileCase, target: Target, context: CorpusContext): Promise<CaseResult> {
  const atRouter = target === 'router';
  const auth = await callerHeaders(testCase.as ?? (atRouter ? 'anonymous' : 'admin'), atRouter, context);
  const url = new URL(context.urls[target]);
  const started = performance.now();
  let response: Response;
  if (testCase.method === 'GET') {
    for (const [name, value] of Object.entries(testCase.search ?? {})) {
      url.searchParams.set(name, withPlaceholders(value, context.placeholders));
    }
    response = await fetch(url, { headers: { ...auth, ...testCase.headers } });
  } else {
    const sent = testCase.raw ?? (testCase.body === undefined ? undefined : JSON.stringify(testCase.body));
    const text = withPlaceholders(sent ?? '', context.placeholders);
    const { body, headers } = encodedBody(text, testCase.encoding);
    response = await fetch(url, {
      method: testCase.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...auth, ...testCase.headers },
      ...(sent === undefined ? {} : { body }),
    });
  }
  const answer = await response.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(answer);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text: answer, ms };
}

interface AnswerError {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** The errors of an answer, of every operation of a batch. */
export const errorsOf = (json: unknown): AnswerError[] =>
  (Array.isArray(json) ? json : [json]).flatMap((item: { errors?: AnswerError[] } | null) => item?.errors ?? []);

/**
 * What is wrong with an answer to a hostile case, or an empty list: a 5xx, an answer that is not
 * JSON, an error without a code or with INTERNAL_SERVER_ERROR, a 4xx without a coded error, or a
 * status, code or time other than the case expects.
 */
export function problemsWith(testCase: HostileCase, result: CaseResult, maxBytes: number): string[] {
  const problems: string[] = [];
  if (result.status >= 500) problems.push(`HTTP ${result.status}`);
  if (result.json === undefined) problems.push(`not JSON: ${result.text.slice(0, 200)}`);
  const errors = errorsOf(result.json);
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.some((code) => typeof code !== 'string'))
    problems.push(`an error without a code: ${result.text.slice(0, 300)}`);
  if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  if (result.status >= 400 && codes.length === 0) problems.push(`HTTP ${result.status} without a coded error`);
  if (testCase.code && !codes.includes(testCase.code))
    problems.push(`expected ${testCase.code}, got ${codes.join(',') || 'none'}`);
  if (testCase.status && result.status !== testCase.status)
    problems.push(`expected HTTP ${testCase.status}, got ${result.status}`);
  if (testCase.maxMs && result.ms > testCase.maxMs) problems.push(`took ${Math.round(result.ms)} ms`);
  if (result.text.length > maxBytes) problems.push(`answer of ${result.text.length} bytes`);
  return problems;
}
