/**
 * The article's questions, asked through the public GraphQL API of a server started on the real Neo4j with
 * the shipped knowledge: who redirected what to whom, who owns what, what is planned where, which numbers,
 * and where each claim comes from. Every citation is checked against the article's own text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

const KNOWLEDGE_FILE = path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
const ARTICLE = readFileSync(path.join(PROJECT_ROOT, 'data/sources/leblogauto-2024-musk-nvidia-h100.fr.txt'), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function ask(query: string, variables?: Record<string, unknown>) {
  const result = await graphql(server.graphqlUrl, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as Record<string, any>;
}

const FACT_FIELDS = `
  id type statement modality
  subject { id } object { id } event { id }
  participants { role entity { id } }
  time { text value precision start end inferred }
  quantities { kind value unit currency comparator role text item { id } }
  citations { quote start end kind saidBy { id } reportedBy { id } document { id } }
`;

type Participant = { role: string; entity: { id: string } };
type Citation = { quote: string; start: number; end: number; kind: string; saidBy: { id: string }; reportedBy: { id: string } | null; document: { id: string } };

describe('the 12,000 H100 redirected from Tesla to X', () => {
  it('is an n-ary fact with each participant in its role, its number and its time', async () => {
    const { fact } = await ask(`{ fact(id: "musk-redirects-h100-from-tesla-to-x") { ${FACT_FIELDS} } }`);
    expect(fact.type).toBe('REALLOCATES');
    expect(fact.modality).toBe('ACTUAL');
    expect(fact.event.id).toBe('h100-redirect-tesla-to-x');
    const roles = Object.fromEntries(fact.participants.map((p: Participant) => [p.role, p.entity.id]));
    expect(roles).toMatchObject({ DECIDED_BY: 'elon-musk', GIVER: 'tesla', RECIPIENT: 'x', ITEM: 'nvidia-h100', SUPPLIER: 'nvidia' });
    expect(fact.quantities).toEqual([
      { kind: 'COUNT', value: 12000, unit: 'GPU', currency: null, comparator: 'EXACT', role: 'AMOUNT', text: '12 000 GPU H100', item: { id: 'nvidia-h100' } },
    ]);
    expect(fact.time).toMatchObject({ value: '2023-12', precision: 'MONTH', start: '2023-12-01', end: '2023-12-31' });
  });

  it('is backed by the Nvidia memo as reported by CNBC, quoted from the article', async () => {
    const { fact } = await ask(`{ fact(id: "musk-redirects-h100-from-tesla-to-x") { ${FACT_FIELDS} } }`);
    const memo = fact.citations.find((c: Citation) => c.saidBy.id === 'nvidia-memo-2023-12');
    expect(memo).toMatchObject({ kind: 'QUOTED', reportedBy: { id: 'cnbc' }, document: { id: 'leblogauto-article-musk-nvidia-h100' } });
    expect(memo.quote).toContain('12 000 GPU H100');
    expect(fact.citations.some((c: Citation) => c.saidBy.id === 'cnbc')).toBe(true);
  });

  it('is found from Tesla as a GIVER relation and from X as a RECIPIENT relation', async () => {
    const data = await ask(`{
      tesla: relations(to: "tesla", type: GIVER) { nodes { from { id } fact { id } } }
      x: relations(to: "x", type: RECIPIENT) { nodes { from { id } fact { id } } }
    }`);
    expect(data.tesla.nodes).toContainEqual({ from: { id: 'h100-redirect-tesla-to-x' }, fact: { id: 'Fact:musk-redirects-h100-from-tesla-to-x' } });
    expect(data.x.nodes).toContainEqual({ from: { id: 'h100-redirect-tesla-to-x' }, fact: { id: 'Fact:musk-redirects-h100-from-tesla-to-x' } });
  });
});

describe('xAI, Grok and the North Dakota cluster', () => {
  it('xAI owns the chatbot Grok', async () => {
    const data = await ask(`{ relations(from: "xai", type: OWNS) { nodes { to { id kind name } fact { modality citations { quote } } } } }`);
    expect(data.relations.nodes).toHaveLength(1);
    expect(data.relations.nodes[0].to).toEqual({ id: 'grok', kind: 'PRODUCT', name: 'Grok' });
    expect(data.relations.nodes[0].fact.modality).toBe('ACTUAL');
  });

  it('the cluster is planned, in North Dakota, for xAI, and named "the world\'s largest GPU cluster"', async () => {
    const data = await ask(`{
      cluster: entity(id: "xai-gpu-cluster-north-dakota") {
        __typename kind aliases { text language }
        relations(direction: OUTGOING) { nodes { type to { id } fact { modality } } }
      }
      plan: fact(id: "musk-plans-xai-gpu-cluster") { modality subject { id } citations { quote saidBy { id } } }
    }`);
    expect(data.cluster.__typename).toBe('Facility');
    expect(data.cluster.aliases).toContainEqual({ text: "the world's largest GPU cluster", language: 'en' });
    expect(data.cluster.relations.nodes).toEqual(
      expect.arrayContaining([
        { type: 'LOCATED_IN', to: { id: 'north-dakota' }, fact: { modality: 'PLANNED' } },
        { type: 'BUILT_FOR', to: { id: 'xai' }, fact: { modality: 'PLANNED' } },
      ]),
    );
    expect(data.plan).toMatchObject({ modality: 'PLANNED', subject: { id: 'elon-musk' } });
    expect(data.plan.citations[0]).toMatchObject({ saidBy: { id: 'nvidia-email-2024-02' } });
    expect(data.plan.citations[0].quote).toContain('le plus grand cluster GPU du monde');
  });
});

describe('the numbers of the article', () => {
  it('Tesla plans to go from 35,000 to 85,000 active H100 by the end of 2024', async () => {
    const { fact } = await ask(`{ fact(id: "tesla-plans-85000-active-h100") { ${FACT_FIELDS} } }`);
    expect(fact).toMatchObject({ type: 'DEPLOYS', modality: 'PLANNED', subject: { id: 'tesla' }, object: { id: 'nvidia-h100' } });
    const byRole = Object.fromEntries(fact.quantities.map((q: { role: string; value: number }) => [q.role, q.value]));
    expect(byRole).toEqual({ FROM: 35000, TO: 85000 });
    expect(fact.time.end).toBe('2024-12-31');
  });

  it('Tesla plans about $10 billion of AI spending in 2024', async () => {
    const { fact } = await ask(`{ fact(id: "tesla-plans-ai-spending-2024") { ${FACT_FIELDS} } }`);
    expect(fact.modality).toBe('PLANNED');
    expect(fact.quantities).toContainEqual(expect.objectContaining({ kind: 'MONEY', value: 10_000_000_000, currency: 'USD' }));
    expect(fact.participants).toContainEqual({ role: 'AGENT', entity: { id: 'tesla' } });
  });

  it('the redirect delayed more than $500 million of Tesla processors by months', async () => {
    const { fact } = await ask(`{ fact(id: "h100-redirect-delays-tesla-processors") { ${FACT_FIELDS} } }`);
    expect(fact.subject.id).toBe('h100-redirect-tesla-to-x');
    expect(fact.quantities).toContainEqual(expect.objectContaining({ kind: 'MONEY', value: 500_000_000, comparator: 'MORE_THAN', currency: 'USD' }));
    expect(fact.quantities).toContainEqual(expect.objectContaining({ kind: 'DURATION', value: null, comparator: 'SEVERAL', unit: 'month' }));
  });

  it('Tesla laid off more than 10% of its staff in April 2024', async () => {
    const { fact } = await ask(`{ fact(id: "tesla-announces-layoffs-2024-04") { ${FACT_FIELDS} } }`);
    expect(fact.quantities).toContainEqual(expect.objectContaining({ kind: 'PERCENT', value: 10, comparator: 'MORE_THAN' }));
    expect(fact.time).toMatchObject({ value: '2024-04', precision: 'MONTH' });
  });
});

describe('finding entities', () => {
  it.each([
    ['dakota du nord', 'north-dakota'],
    ['DAKOTA', 'north-dakota'],
    ['NVIDIA', 'nvidia'],
    ['h100', 'nvidia-h100'],
    ['Elon', 'elon-musk'],
    ['twitter', 'x'],
  ])('search "%s" ranks %s first', async (text, id) => {
    const data = await ask(`query($text: String!) { search(text: $text) { edges { node { id } score } } }`, { text });
    expect(data.search.edges[0].node.id).toBe(id);
    expect(data.search.edges[0].score).toBeGreaterThan(0);
  });

  it('a path joins Elon Musk to Grok through xAI', async () => {
    const data = await ask(`{ path(from: "elon-musk", to: "grok") { length nodes { id } edges { type } } }`);
    expect(data.path.length).toBe(2);
    expect(data.path.nodes.map((n: { id: string }) => n.id)).toEqual(['elon-musk', 'xai', 'grok']);
    expect(data.path.edges.map((e: { type: string }) => e.type)).toEqual(['FOUNDED', 'OWNS']);
  });

  it('the neighbourhood of xAI holds Grok, the cluster and Musk, and every edge joins two of its nodes', async () => {
    const data = await ask(`{ neighborhood(id: "xai", depth: 1) { nodes { id } edges { from { id } to { id } } truncated } }`);
    const ids = new Set(data.neighborhood.nodes.map((n: { id: string }) => n.id));
    for (const id of ['xai', 'grok', 'xai-gpu-cluster-north-dakota', 'elon-musk']) expect(ids.has(id), id).toBe(true);
    for (const edge of data.neighborhood.edges) expect(ids.has(edge.from.id) && ids.has(edge.to.id)).toBe(true);
    expect(data.neighborhood.truncated).toBe(false);
  });
});

describe('corrections from a line-by-line reading of the article', () => {
  const CURRENT_GOAL = (f: { modality: string; status: string }) => f.modality === 'GOAL' && f.status === 'CURRENT';

  it('the annual report omitted Tesla\'s previously stated goal of 20 million vehicles a year, which is a former goal', async () => {
    const data = await ask(`{
      omission: relations(from: "tesla-annual-report", type: OMITS) { nodes { to { id kind } fact { modality citations { kind } } } }
      goal: entity(id: "tesla-20-million-vehicles-goal") {
        relations(direction: OUTGOING) { nodes { type label to { id } } }
        facts { nodes { ${FACT_FIELDS} status } }
      }
    }`);
    expect(data.omission.nodes).toEqual([
      { to: { id: 'tesla-20-million-vehicles-goal', kind: 'EVENT' }, fact: { modality: 'ACTUAL', citations: [{ kind: 'OPINION' }] } },
    ]);
    expect(data.goal.relations.nodes).toEqual(
      expect.arrayContaining([
        { type: 'AGENT', label: 'AGENT (former)', to: { id: 'tesla' } },
        { type: 'ITEM', label: 'ITEM · 20,000,000 vehicles per year (former)', to: { id: 'vehicles' } },
      ]),
    );
    const goal = data.goal.facts.nodes.find((f: { id: string }) => f.id === 'Fact:tesla-goal-20-million-vehicles-a-year');
    expect(goal).toMatchObject({ type: 'SELLS', modality: 'GOAL', status: 'FORMER', subject: { id: 'tesla' }, event: { id: 'tesla-20-million-vehicles-goal' } });
    expect(goal.quantities).toEqual([
      { kind: 'COUNT', value: 20_000_000, unit: 'vehicles per year', currency: null, comparator: 'EXACT', role: 'TARGET', text: '20 millions de véhicules par an', item: { id: 'vehicles' } },
    ]);
  });

  it('Tesla\'s current goals do not include the 20 million vehicles, read as the API gives them', async () => {
    const { tesla } = await ask(`{ tesla: entity(id: "tesla") { facts(first: 100) { nodes { id modality status } } } }`);
    const goals = tesla.facts.nodes.filter((f: { modality: string }) => f.modality === 'GOAL');
    expect(goals.filter(CURRENT_GOAL).map((f: { id: string }) => f.id).sort()).toEqual([
      'Fact:tesla-goal-humanoid-robots',
      'Fact:tesla-goal-leader-in-ai',
      'Fact:tesla-goal-leader-in-robotics',
      'Fact:tesla-goal-self-driving-vehicles',
    ]);
    expect(goals).toContainEqual({ id: 'Fact:tesla-goal-20-million-vehicles-a-year', modality: 'GOAL', status: 'FORMER' });
    // Nothing else of Tesla's is FORMER, and no goal is still drawn as a plain Tesla → vehicles sale.
    expect(tesla.facts.nodes.filter((f: { status: string }) => f.status === 'FORMER').map((f: { id: string }) => f.id)).toEqual(['Fact:tesla-goal-20-million-vehicles-a-year']);
    const { relations } = await ask(`{ relations(from: "tesla", type: SELLS) { nodes { id } } }`);
    expect(relations.nodes).toEqual([]);
  });

  it('Musk\'s "un leader de l\'IA et de la robotique", an ambition, is a GOAL for Tesla, not a CLAIM that it leads', async () => {
    const data = await ask(`{ relations(from: "tesla", type: LEADER_IN) { nodes { to { id } fact { id modality status citations { kind saidBy { id } quote } } } } }`);
    expect(data.relations.nodes.map((r: { to: { id: string } }) => r.to.id).sort()).toEqual(['artificial-intelligence', 'robotics']);
    for (const { fact } of data.relations.nodes) {
      expect(fact, fact.id).toMatchObject({ modality: 'GOAL', status: 'CURRENT', citations: [{ kind: 'QUOTED', saidBy: { id: 'elon-musk' } }] });
      expect(fact.citations[0].quote).toContain('un leader de l’IA et de la robotique');
    }
  });

  it('X the company received the GPUs; X the social network is where Musk posted; the company owns the network', async () => {
    const data = await ask(`{
      company: entity(id: "x") { kind name aliases { text language } }
      platform: entity(id: "x-platform") { kind name aliases { text language } }
      received: relations(to: "x", type: RECIPIENT) { nodes { fact { id } } }
      posted: relations(from: "musk-x-post-2024-04", type: PUBLISHED_ON) { nodes { to { id } } }
      owns: relations(from: "x", type: OWNS) { nodes { to { id } fact { background basis } } }
      twitter: search(text: "Twitter") { nodes { id } }
    }`);
    expect(data.company.kind).toBe('ORGANIZATION');
    expect(data.platform.kind).toBe('PRODUCT');
    expect(data.received.nodes).toEqual([{ fact: { id: 'Fact:musk-redirects-h100-from-tesla-to-x' } }]);
    expect(data.posted.nodes).toEqual([{ to: { id: 'x-platform' } }]);
    expect(data.owns.nodes).toEqual([{ to: { id: 'x-platform' }, fact: { background: true, basis: expect.stringContaining('Twitter') } }]);
    // "Twitter" is the same word in the French text and in English: an alias with no language, on both sides.
    expect(data.platform.aliases).toContainEqual({ text: 'Twitter', language: null });
    expect(data.company.aliases).toContainEqual({ text: 'Twitter, Inc.', language: null });
    expect(data.twitter.nodes.map((hit: { id: string }) => hit.id).slice(0, 2)).toEqual(['x', 'x-platform']);
  });

  it('every citation in the body of "Notre avis, par leblogauto.com" is the blog\'s OPINION, and no other citation is', async () => {
    const heading = 'Notre avis, par leblogauto.com\n';
    const opinionStart = ARTICLE.indexOf(heading) + heading.length;
    const opinionEnd = ARTICLE.indexOf('Sources : CNBC, Reuters');
    expect(opinionStart).toBeGreaterThan(heading.length);
    expect(opinionEnd).toBeGreaterThan(opinionStart);
    const file = JSON.parse(readFileSync(KNOWLEDGE_FILE, 'utf8')) as { facts: { id: string }[] };
    const inside: string[] = [];
    const opinions: string[] = [];
    for (let offset = 0; offset < file.facts.length; offset += 20) {
      const chunk = file.facts.slice(offset, offset + 20);
      const data = await ask(`{ ${chunk.map((f, i) => `f${i}: fact(id: ${JSON.stringify(f.id)}) { id citations { start end kind saidBy { id } reportedBy { id } } }`).join('\n')} }`);
      chunk.forEach((_, i) => {
        for (const c of data[`f${i}`].citations as Citation[]) {
          const where = `${data[`f${i}`].id} [${c.start}, ${c.end})`;
          if (c.start >= opinionStart && c.end <= opinionEnd) inside.push(where);
          if (c.kind === 'OPINION') {
            opinions.push(where);
            expect(c.saidBy.id, where).toBe('leblogauto-com');
            expect(c.reportedBy, where).toBeNull();
          }
        }
      });
    }
    expect(inside.length).toBeGreaterThanOrEqual(5);
    expect(opinions.sort()).toEqual(inside.sort());
  });

  it('tells the blog\'s opinion from what CNBC reported', async () => {
    const data = await ask(`{
      layoffs: fact(id: "tesla-announces-layoffs-2024-04") { citations { kind saidBy { name } reportedBy { name } } }
      delay: fact(id: "h100-redirect-delays-tesla-processors") { citations { kind saidBy { name } reportedBy { name } } }
    }`);
    expect(data.layoffs.citations).toEqual([{ kind: 'OPINION', saidBy: { name: 'leblogauto.com' }, reportedBy: null }]);
    expect(data.delay.citations[0]).toEqual({ kind: 'REPORTED', saidBy: { name: 'CNBC' }, reportedBy: null });
  });
});

describe('provenance', () => {
  it('lists the sources, each with the facts it backs', async () => {
    const data = await ask(`{ sources { __typename id backedFacts(first: 100) { nodes { id } } } }`);
    const byId = new Map(data.sources.map((s: { id: string; backedFacts: { nodes: { id: string }[] } }) => [s.id, s.backedFacts.nodes.map((f) => f.id)]));
    expect(byId.get('cnbc')).toContain('Fact:musk-redirects-h100-from-tesla-to-x');
    expect(byId.get('nvidia-memo-2023-12')).toContain('Fact:musk-redirects-h100-from-tesla-to-x');
    expect(byId.get('nvidia-email-2024-02')).toContain('Fact:musk-plans-xai-gpu-cluster');
    expect(data.sources.find((s: { id: string }) => s.id === 'leblogauto-article-musk-nvidia-h100').__typename).toBe('Document');
  });

  it('serves every fact of the knowledge file, and every citation quote is the article text at its offsets', async () => {
    const file = JSON.parse(readFileSync(KNOWLEDGE_FILE, 'utf8')) as { facts: { id: string; citations?: unknown[] }[] };
    const { article } = await ask(`{ article: entity(id: "leblogauto-article-musk-nvidia-h100") { ... on Document { text language } } }`);
    expect(article.text).toBe(ARTICLE);
    expect(article.language).toBe('fr');
    let citations = 0;
    // 20 facts per request, one alias each: well under the aliases limit.
    for (let offset = 0; offset < file.facts.length; offset += 20) {
      const chunk = file.facts.slice(offset, offset + 20);
      const data = await ask(`{ ${chunk.map((f, i) => `f${i}: fact(id: ${JSON.stringify(f.id)}) { id citations { quote start end document { id } } }`).join('\n')} }`);
      chunk.forEach((expected, i) => {
        const fact = data[`f${i}`];
        expect(fact?.id).toBe(`Fact:${expected.id}`);
        expect(fact.citations).toHaveLength(expected.citations?.length ?? 0);
        for (const citation of fact.citations as Citation[]) {
          expect(citation.document.id).toBe('leblogauto-article-musk-nvidia-h100');
          expect(ARTICLE.slice(citation.start, citation.end), `${expected.id} [${citation.start}, ${citation.end})`).toBe(citation.quote);
          citations += 1;
        }
      });
    }
    expect(citations).toBeGreaterThan(50);
  });

  it('marks background knowledge as such, with its basis, and never as cited', async () => {
    const { fact } = await ask(`{ fact(id: "musk-founded-xai") { background basis citations { quote } } }`);
    expect(fact.background).toBe(true);
    expect(fact.basis).toEqual(expect.any(String));
    expect(fact.citations).toEqual([]);
  });
});
