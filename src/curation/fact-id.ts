/** Ids of facts asserted without one: a readable slug from the type and the participants, made unique. */
import type { FactEntry } from '../knowledge/knowledge-file.ts';

const MAX_LENGTH = 80;

/** `xai` OWNS `grok` → `xai-owns-grok`; an n-ary fact is named by its event. */
export function factIdBase(fact: Pick<FactEntry, 'type' | 'subject' | 'object' | 'event'>): string {
  const parts = [fact.subject, fact.type.toLowerCase().replace(/_/g, '-'), fact.object ?? fact.event ?? ''].filter(Boolean);
  const slug = parts.join('-').replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return slug.slice(0, MAX_LENGTH).replace(/-$/, '') || 'fact';
}

/** Candidates in order: the base, then `-2`, `-3`, …; the first one not taken is the fact's id. */
export function factIdCandidates(base: string, count = 20): string[] {
  return [base, ...Array.from({ length: count - 1 }, (_, i) => `${base}-${i + 2}`)];
}
