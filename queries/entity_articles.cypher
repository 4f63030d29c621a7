// name: entity_articles
// answers: In which articles is an entity mentioned, and how often?
// params: name (string): the entity's canonical name or an alias
// example: graphbuild query entity_articles --param name=中华全国总工会
MATCH (n)-[m:MENTIONED_IN]->(a:Article)
WHERE n.name = $name OR $name IN n.aliases
RETURN n.name AS entity, labels(n)[0] AS type, a.doc_id AS article, a.title AS title, m.count AS mentions
ORDER BY article
