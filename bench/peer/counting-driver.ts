/**
 * A neo4j-driver Driver that counts the Cypher statements sent through it, to measure the peer's database
 * round trips per GraphQL request. @neo4j/graphql runs each request as `driver.session().executeRead(tx =>
 * tx.run(cypher))`, and checkNeo4jCompat uses session.run: driver.executeQuery, session.run and tx.run in
 * managed transactions (executeRead/executeWrite) are counted, one per statement. Explicit transactions
 * (beginTransaction) are not used by the library, so not wrapped.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

export interface StatementCounter {
  statements: number;
}

type Work<T> = (tx: ManagedTransaction) => Promise<T> | T;
type Method = (...args: unknown[]) => unknown;

/** A proxy whose methods are bound to the target (driver classes keep state on `this`), some replaced. */
function withMethods<T extends object>(target: T, replaced: Record<string, Method>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && Object.hasOwn(replaced, property)) return replaced[property];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as Method).bind(object) : value;
    },
  });
}

function counted<A extends unknown[], R>(counter: StatementCounter, run: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    counter.statements += 1;
    return run(...args);
  };
}

function countingTx(tx: ManagedTransaction, counter: StatementCounter): ManagedTransaction {
  return withMethods(tx, { run: counted(counter, tx.run.bind(tx)) as Method });
}

function countingWork<T>(work: Work<T>, counter: StatementCounter): Work<T> {
  return (tx) => work(countingTx(tx, counter));
}

function countingSession(session: Session, counter: StatementCounter): Session {
  const managed = (name: 'executeRead' | 'executeWrite') =>
    (<T>(work: Work<T>, config?: Parameters<Session['executeRead']>[1]) => session[name](countingWork(work, counter), config)) as Method;
  return withMethods(session, {
    run: counted(counter, session.run.bind(session)) as Method,
    executeRead: managed('executeRead'),
    executeWrite: managed('executeWrite'),
  });
}

export function countingDriver(driver: Driver, counter: StatementCounter): Driver {
  return withMethods(driver, {
    session: ((config?: Parameters<Driver['session']>[0]) => countingSession(driver.session(config), counter)) as Method,
    executeQuery: counted(counter, driver.executeQuery.bind(driver)) as Method,
  });
}
