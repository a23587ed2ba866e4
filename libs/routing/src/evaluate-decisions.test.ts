import { describe, expect, it } from 'vitest';
import { type DecisionCondition, type DecisionRule } from './decision-condition';
import { type DomainGuess } from './domain';
import { compileDecisions, evaluateDecisions } from './evaluate-decisions';
import { type RequestFacts } from './request-facts';

function facts(overrides: Partial<Omit<RequestFacts, 'domain'>> & { domain?: string } = {}): RequestFacts & { domainCalls: number } {
  const { domain = 'other', ...rest } = overrides;
  const result = {
    promptText: '',
    hasImages: false,
    promptTokens: 10,
    headers: {},
    dialect: 'openai-chat' as const,
    domainCalls: 0,
    domain(): DomainGuess {
      result.domainCalls++;
      return { domain, confidence: 0.9, source: 'lexical' };
    },
    ...rest,
  };
  return result;
}

const decide = (when: DecisionCondition, request: RequestFacts) =>
  evaluateDecisions(compileDecisions([{ name: 'd', priority: 0, when, model: 'm' }]), request).decision?.name === 'd';

describe('evaluateDecisions: conditions', () => {
  it.each<[string, DecisionCondition, Parameters<typeof facts>[0], boolean]>([
    ['keyword, whole word', { keywords: ['proof'] }, { promptText: 'Give a proof.' }, true],
    ['keyword, case-insensitive', { keywords: ['proof'] }, { promptText: 'PROOF needed' }, true],
    ['keyword inside another word does not match', { keywords: ['proof'] }, { promptText: 'a waterproof jacket' }, false],
    ['keyword followed by a letter does not match', { keywords: ['proof'] }, { promptText: 'proofs' }, false],
    ['keyword with special characters', { keywords: ['c++', 'node.js'] }, { promptText: 'I use node.js' }, true],
    ['dot in a keyword is literal', { keywords: ['node.js'] }, { promptText: 'nodexjs' }, false],
    ['multi-word keyword across whitespace', { keywords: ['machine learning'] }, { promptText: 'machine\n learning' }, true],
    ['keyword next to non-ASCII letters is not a whole word', { keywords: ['etude'] }, { promptText: 'étude' }, false],
    ['regex', { regex: 'step[- ]by[- ]step' }, { promptText: 'explain step-by-step' }, true],
    ['regex is case-sensitive as written', { regex: 'Derive' }, { promptText: 'derive it' }, false],
    ['has_images true', { has_images: true }, { hasImages: true }, true],
    ['has_images false', { has_images: false }, { hasImages: true }, false],
    ['prompt_tokens above', { prompt_tokens: { above: 100 } }, { promptTokens: 101 }, true],
    ['prompt_tokens above, at the bound', { prompt_tokens: { above: 100 } }, { promptTokens: 100 }, false],
    ['prompt_tokens below', { prompt_tokens: { below: 100 } }, { promptTokens: 99 }, true],
    ['prompt_tokens between', { prompt_tokens: { above: 10, below: 100 } }, { promptTokens: 150 }, false],
    ['header present', { header: { name: 'X-Debug' } }, { headers: { 'x-debug': '' } }, true],
    ['header absent', { header: { name: 'x-debug' } }, { headers: {} }, false],
    ['header value', { header: { name: 'x-tier', value: 'premium' } }, { headers: { 'x-tier': 'premium' } }, true],
    ['header other value', { header: { name: 'x-tier', value: 'premium' } }, { headers: { 'x-tier': 'free' } }, false],
    ['header regex', { header: { name: 'x-debug', regex: '^(1|true)$' } }, { headers: { 'x-debug': 'true' } }, true],
    ['dialect', { dialect: 'anthropic-messages' }, { dialect: 'anthropic-messages' }, true],
    ['other dialect', { dialect: 'anthropic-messages' }, { dialect: 'openai-responses' }, false],
    ['key', { key: ['team-a', 'team-b'] }, { keyName: 'team-b' }, true],
    ['no key', { key: ['team-a'] }, {}, false],
    ['team', { team: ['research'] }, { team: 'research' }, true],
    ['domain', { domain: ['math', 'physics'] }, { domain: 'physics' }, true],
    ['other domain', { domain: ['math'] }, { domain: 'law' }, false],
    ['any', { any: [{ keywords: ['x'] }, { has_images: true }] }, { hasImages: true }, true],
    ['all, one false', { all: [{ keywords: ['x'] }, { has_images: true }] }, { hasImages: true }, false],
    ['all', { all: [{ keywords: ['x'] }, { has_images: true }] }, { hasImages: true, promptText: 'x' }, true],
    ['not', { not: { dialect: 'openai-chat' } }, { dialect: 'openai-chat' }, false],
    ['nested', { any: [{ all: [{ team: ['a'] }, { not: { has_images: true } }] }] }, { team: 'a' }, true],
  ])('%s', (_name, when, request, expected) => {
    expect(decide(when, facts(request))).toBe(expected);
  });
});

describe('evaluateDecisions: choosing', () => {
  const rules: DecisionRule[] = [
    { name: 'cheap', priority: 10, when: { prompt_tokens: { below: 1000 } }, model: 'small' },
    { name: 'vision', priority: 100, when: { has_images: true }, model: 'vision' },
    { name: 'math', priority: 50, when: { domain: ['math'] }, model: 'big' },
    { name: 'also-cheap', priority: 10, when: { prompt_tokens: { below: 1000 } }, model: 'other-small' },
  ];
  const compiled = compileDecisions(rules);

  it.each([
    ['the highest priority that matches wins', { hasImages: true, domain: 'math' }, 'vision'],
    ['a lower one when the higher do not match', { domain: 'math' }, 'math'],
    ['ties go to the one written first', {}, 'cheap'],
    ['none when nothing matches', { promptTokens: 5000 }, undefined],
  ])('%s', (_name, request, expected) => {
    expect(evaluateDecisions(compiled, facts(request)).decision?.name).toBe(expected);
  });

  it('stops at the first match and computes the domain only when a condition needs it', () => {
    const request = facts({ hasImages: true });
    const result = evaluateDecisions(compiled, request);
    expect(result.trace.map((decision) => decision.name)).toEqual(['vision']);
    expect(request.domainCalls).toBe(0);
    expect(compiled.usesDomain).toBe(true);
    expect(compileDecisions([rules[0]!]).usesDomain).toBe(false);
  });

  it('traces every decision and branch when exhaustive, saying what each condition saw', () => {
    const explained = compileDecisions([
      { name: 'complex', priority: 100, when: { any: [{ keywords: ['proof', 'theorem'] }, { domain: ['math'] }] }, model: 'big' },
      { name: 'cheap', priority: 1, when: { not: { prompt_tokens: { above: 100 } } }, model: 'small' },
    ]);
    const result = evaluateDecisions(explained, facts({ promptText: 'Is this THEOREM true?', domain: 'math', promptTokens: 42 }), { exhaustive: true });
    expect(result.decision).toEqual({ name: 'complex', model: 'big' });
    expect(result.trace).toEqual([
      {
        name: 'complex',
        priority: 100,
        model: 'big',
        matched: true,
        when: {
          condition: 'any',
          matched: true,
          children: [
            { condition: 'keywords [proof, theorem]', matched: true, detail: 'found "THEOREM"' },
            { condition: 'domain [math]', matched: true, detail: 'domain math (0.90, lexical)' },
          ],
        },
      },
      {
        name: 'cheap',
        priority: 1,
        model: 'small',
        matched: true,
        when: { condition: 'not', matched: true, children: [{ condition: 'prompt_tokens above 100', matched: false, detail: 'about 42 tokens' }] },
      },
    ]);
  });
});
