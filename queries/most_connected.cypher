// name: most_connected
// answers: Which unions, enterprises and organizations have the most relations?
// params: limit (int, default 20): how many rows
// example: graphbuild query most_connected --param limit=10
MATCH (n)-[r]-(m)
WHERE (n:Union OR n:Enterprise OR n:Organization) AND type(r) <> "MENTIONED_IN"
RETURN n.name AS body, labels(n)[0] AS type, count(r) AS relations, count(DISTINCT m) AS neighbours
ORDER BY relations DESC, body
LIMIT $limit
