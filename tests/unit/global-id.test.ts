import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/graphql/errors.ts';
import {
  changeTargetId,
  decodeEntityId,
  decodeEntityOrFactId,
  decodeFactId,
  decodeNodeId,
  decodeRevisionId,
  optionalRevisionId,
  revisionGlobalId,
  toGlobalId,
} from '../../src/graphql/global-id.ts';

/** The BAD_USER_INPUT `run` throws, with its message. */
function refusal(run: () => unknown): { code: unknown; argument: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, argument: extensions.argument, message };
  }
  throw new Error('expected a refusal');
}

describe('global ids', () => {
  it('encodes every prefixed type as Type:key, and a revision from its sequence', () => {
    expect(toGlobalId('Fact', 'xai-owns-grok')).toBe('Fact:xai-owns-grok');
    expect(toGlobalId('Relation', 'x-acquires-y/BUYER/xai')).toBe('Relation:x-acquires-y/BUYER/xai');
    expect(toGlobalId('Citation', 'xai-owns-grok#c0')).toBe('Citation:xai-owns-grok#c0');
    expect(revisionGlobalId(21)).toBe('Revision:r21');
  });

  it('round-trips every node id through decodeNodeId', () => {
    expect(decodeNodeId('elon-musk')).toEqual({ type: 'Entity', key: 'elon-musk' });
    expect(decodeNodeId('Fact:xai-owns-grok')).toEqual({ type: 'Fact', key: 'xai-owns-grok' });
    expect(decodeNodeId('Relation:xai-owns-grok')).toEqual({ type: 'Relation', key: 'xai-owns-grok' });
    expect(decodeNodeId('Relation:deal-2024/BUYER/xai')).toEqual({ type: 'Relation', key: 'deal-2024/BUYER/xai' });
    expect(decodeNodeId('Citation:xai-owns-grok#c12')).toEqual({ type: 'Citation', key: 'xai-owns-grok#c12' });
    expect(decodeNodeId(revisionGlobalId(21))).toEqual({ type: 'Revision', key: 'r21', sequence: 21 });
  });

  it('refuses unknown types and malformed keys in node ids, naming the forms accepted', () => {
    for (const id of ['Person:elon-musk', 'Fact:', 'Fact:Not A Slug', 'Revision:21', 'Revision:r0', 'Citation:xai-owns-grok', 'Elon Musk', '']) {
      const { code, argument, message } = refusal(() => decodeNodeId(id, 'ids[2]'));
      expect(code, id).toBe(ErrorCode.BAD_USER_INPUT);
      expect(argument).toBe('ids[2]');
      expect(message).toContain(JSON.stringify(id));
    }
    expect(refusal(() => decodeNodeId('Thing:x')).message).toContain('Fact, Relation, Citation, Revision');
  });

  it('takes an entity by slug only, and refuses another type prefix', () => {
    expect(decodeEntityId('elon-musk')).toBe('elon-musk');
    // Unknown ids are not refused here, even with a colon that names no Node type: they answer null, as before.
    expect(decodeEntityId('no-such-entity')).toBe('no-such-entity');
    expect(decodeEntityId('name:*')).toBe('name:*');
    expect(refusal(() => decodeEntityId('Revision:r2')).code).toBe(ErrorCode.BAD_USER_INPUT);
    const { code, message } = refusal(() => decodeEntityId('Fact:xai-owns-grok'));
    expect(code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(message).toContain("entity's id");
  });

  it('takes a fact as Fact:slug or slug, and refuses other prefixes', () => {
    expect(decodeFactId('Fact:xai-owns-grok')).toBe('xai-owns-grok');
    expect(decodeFactId('xai-owns-grok')).toBe('xai-owns-grok');
    expect(decodeFactId('*:*')).toBe('*:*');
    expect(refusal(() => decodeFactId('Relation:xai-owns-grok')).message).toContain('Fact:');
    expect(decodeEntityOrFactId('Fact:xai-owns-grok')).toBe('xai-owns-grok');
    expect(decodeEntityOrFactId('tesla')).toBe('tesla');
    expect(refusal(() => decodeEntityOrFactId('Revision:r2')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('takes a revision as Revision:r21 or r21', () => {
    expect(decodeRevisionId('Revision:r21')).toBe(21);
    expect(decodeRevisionId('r21')).toBe(21);
    expect(optionalRevisionId(null, 'after')).toBeNull();
    expect(optionalRevisionId(undefined, 'after')).toBeNull();
    for (const id of ['21', 'r', 'r01', 'Fact:r21', 'Revision:21', 'revision:r21']) {
      expect(refusal(() => decodeRevisionId(id, 'expectedRevision')).argument, id).toBe('expectedRevision');
    }
  });

  it("gives a fact change's target in global form and leaves entity targets as slugs", () => {
    expect(changeTargetId('ASSERT_FACT', 'xai-owns-grok')).toBe('Fact:xai-owns-grok');
    expect(changeTargetId('SET_RANK', 'xai-owns-grok')).toBe('Fact:xai-owns-grok');
    expect(changeTargetId('RETRACT_FACT', 'xai-owns-grok')).toBe('Fact:xai-owns-grok');
    expect(changeTargetId('REVISE_FACT', 'xai-owns-grok')).toBe('Fact:xai-owns-grok');
    expect(changeTargetId('CREATE_ENTITY', 'tesla')).toBe('tesla');
    expect(changeTargetId('MERGE_ENTITY', 'tesla')).toBe('tesla');
    expect(changeTargetId('ADD_DOCUMENT', 'doc-1')).toBe('doc-1');
  });
});
