// name: search_entities
// answers: Which entities have a name or alias containing a string (works in both stores, no full-text index needed)?
// params: text (string): the substring to look for; limit (int, default 50): how many rows
// example: graphbuild query search_entities --param text=工匠
MATCH (n)
WHERE NOT n:Article AND (n.name CONTAINS $text OR any(a IN n.aliases WHERE a CONTAINS $text))
RETURN n.name AS entity, labels(n)[0] AS type, n.aliases AS aliases, n.mentions AS mentions
ORDER BY mentions DESC, entity
LIMIT $limit
