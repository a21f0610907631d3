// Readiness: the database answers a query (not only the Bolt handshake), so a load balancer sends traffic
// only when queries work.
RETURN 1 AS ok
