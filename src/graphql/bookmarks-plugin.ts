/**
 * Causal consistency across server instances: a request that wrote answers the bookmark of its last write, as
 * `extensions.bookmark` and as the `neo4j-bookmark` response header. A client sends it back in a
 * `neo4j-bookmark` request header, and that request's reads wait until the database holds the write
 * (GraphQLContext.bookmarks; Database.withBookmarks).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.ts';

export const BOOKMARK_HEADER = 'neo4j-bookmark';

export const bookmarksPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const bookmark = contextValue.bookmarks.written.at(-1);
        if (bookmark === undefined) return;
        response.http.headers.set(BOOKMARK_HEADER, bookmark);
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmark };
        }
      },
    };
  },
};
